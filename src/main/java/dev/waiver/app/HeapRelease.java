package dev.waiver.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/// Gives the operating system back the heap a large load needed.
///
/// The serial collector grows the heap while a register loads (the page trees, the old register still
/// shown, the new one being built), and gives memory back only after a full collection: without one, a
/// window that reloaded a 10k register four times held 586 MB; with one after each load, about 220 MB
/// (docs/benchmarks.md). So once loads have stopped for a moment (a cluster's live register is rebuilt
/// up to four times a second while others change it), this asks for one full collection on its own
/// thread. The launcher's `-XX:-ShrinkHeapInSteps` lets that collection shrink the heap at once.
public final class HeapRelease {

    /// Below this many exceptions the heap a load needs is too small to be worth a collection.
    public static final int LARGE = 1_000;

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static ScheduledExecutorService scheduler;
    private static ScheduledFuture<?> pending;

    private HeapRelease() {
    }

    /// Called after a register of `rows` replaced one of `previousRows`: schedules the collection when
    /// either was large, postponing one already scheduled.
    public static synchronized void afterLoad(int previousRows, int rows) {
        if (Math.max(previousRows, rows) < LARGE) {
            return;
        }
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                var thread = new Thread(task, "waiver-heap-release");
                thread.setDaemon(true);
                return thread;
            });
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(System::gc, QUIET.toMillis(), TimeUnit.MILLISECONDS);
    }
}
