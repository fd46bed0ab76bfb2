package dev.waiver.app.clusters;

import dev.waiver.app.cluster.ClusterRead;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/// Keeps each watched context's snapshot close to what its watch holds, so the register a reviewer opens
/// offline has what changed while Waiver watched, not only what the last full read saw.
///
/// A change is saved `every` after it arrives, together with whatever else changed meanwhile: at most one
/// save per context per `every`, however busy the cluster. [#flush] saves at once what is still unsaved,
/// when the watches close. Each save takes the state as it is when the save runs, and saves run one at a
/// time, so a later save never stores an older state than an earlier one did.
final class SnapshotSaver {

    private final Consumer<ClusterRead> save;
    private final Supplier<Optional<ScheduledExecutorService>> scheduler;
    private final Duration every;
    /// Context → its save to come and the state it will take; guarded by this.
    private final Map<String, Due> due = new LinkedHashMap<>();
    private final Object saving = new Object();
    private boolean flushed;

    private record Due(ScheduledFuture<?> save, Supplier<Optional<ClusterRead>> state) {
    }

    /// @param save      stores a read as its context's snapshot (and reports its own failures)
    /// @param scheduler where the saves wait and run; empty once the session is closed, when nothing waits any more
    SnapshotSaver(Consumer<ClusterRead> save, Supplier<Optional<ScheduledExecutorService>> scheduler, Duration every) {
        this.save = save;
        this.scheduler = scheduler;
        this.every = every;
    }

    /// On the watches' threads: `context` changed; `state` gives its state to save, empty when there is
    /// none worth saving (a connection that dropped holds the state as of the drop, not as of now).
    synchronized void changed(String context, Supplier<Optional<ClusterRead>> state) {
        if (flushed || due.containsKey(context)) {
            return; // the save already due takes this change along
        }
        scheduler.get().ifPresent(on -> due.put(context,
                new Due(on.schedule(() -> saveDue(context), every.toMillis(), TimeUnit.MILLISECONDS), state)));
    }

    /// Saves now every context with unsaved changes; changes heard afterwards are not saved.
    void flush() {
        Map<String, Due> unsaved;
        synchronized (this) {
            flushed = true;
            unsaved = new LinkedHashMap<>(due);
            due.clear();
        }
        unsaved.values().forEach(d -> d.save().cancel(false));
        unsaved.values().forEach(d -> store(d.state()));
    }

    private void saveDue(String context) {
        Due now;
        synchronized (this) {
            now = due.remove(context); // from here on, a change schedules the next save
        }
        if (now != null) {
            store(now.state());
        }
    }

    private void store(Supplier<Optional<ClusterRead>> state) {
        synchronized (saving) {
            state.get().ifPresent(save);
        }
    }
}
