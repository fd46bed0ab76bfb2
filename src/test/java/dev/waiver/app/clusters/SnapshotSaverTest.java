package dev.waiver.app.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.waiver.app.cluster.ClusterRead;
import dev.waiver.app.cluster.ExceptionNamespace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/// However many changes arrive, a context's snapshot is saved once per interval, with the state as it is
/// then; closing saves what is left, and only what is left.
class SnapshotSaverTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> saved = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aBurstOfChangesIsOneSaveOfTheLatestStateAndTheFlushSavesOnlyContextsWithChangesLeft() {
        var saver = new SnapshotSaver(read -> saved.add(read.context() + "@" + read.readAt()), () -> Optional.of(scheduler),
                Duration.ofHours(1));
        var prod = new AtomicReference<>(read("prod", 1));
        for (int i = 1; i <= 100; i++) {
            prod.set(read("prod", i));
            saver.changed("prod", () -> Optional.of(prod.get()));
        }
        saver.changed("dev", Optional::empty); // dev's connection dropped: nothing worth saving
        assertEquals(List.of(), saved, "within the interval nothing is saved");

        saver.flush();
        assertEquals(List.of("prod@" + at(100)), saved, "one save, of the state as it is at the end");
        saver.changed("prod", () -> Optional.of(read("prod", 101)));
        saver.flush();
        assertEquals(1, saved.size(), "after the end no change is saved");
    }

    @Test
    void aChangeIsSavedOnItsOwnOnceTheIntervalHasPassed() throws InterruptedException {
        var saver = new SnapshotSaver(read -> {
            synchronized (saved) {
                saved.add(read.context() + "@" + read.readAt());
                saved.notifyAll();
            }
        }, () -> Optional.of(scheduler), Duration.ofMillis(50));
        saver.changed("prod", () -> Optional.of(read("prod", 1)));
        synchronized (saved) {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (saved.isEmpty() && System.nanoTime() < deadline) {
                saved.wait(100);
            }
        }
        assertEquals(List.of("prod@" + at(1)), saved);
        saver.flush();
        assertEquals(1, saved.size(), "nothing was left to save");
    }

    private static ClusterRead read(String context, int second) {
        return new ClusterRead(context, at(second), List.of(), Map.of(), Map.of(),
                ExceptionNamespace.unset(), List.of());
    }

    private static Instant at(int second) {
        return Instant.parse("2026-06-15T08:00:00Z").plusSeconds(second);
    }
}
