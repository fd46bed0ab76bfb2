package dev.waiver.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/// Progress from a task reaches the FX thread in order, ending with the last value, and before the
/// task's result: a screen never shows an older step after a newer one, nor progress after the end.
@ExtendWith(ApplicationExtension.class)
class FxBackgroundRunnerTest {

    @Test
    void updatesArriveOnTheFxThreadInOrderEndingWithTheLastBeforeTheResult() throws Exception {
        var seen = new CopyOnWriteArrayList<Integer>();
        var onFxThread = new CopyOnWriteArrayList<Boolean>();
        var done = new CompletableFuture<List<Integer>>();
        try (var runner = new FxBackgroundRunner()) {
            var report = runner.<Integer>updates(step -> {
                onFxThread.add(Platform.isFxApplicationThread());
                seen.add(step);
            });
            runner.run(() -> {
                for (int i = 1; i <= 5_000; i++) {
                    report.accept(i);
                }
                return "finished";
            }, result -> done.complete(List.copyOf(seen)), done::completeExceptionally);
            List<Integer> atEnd = done.get(30, TimeUnit.SECONDS);
            assertEquals(5_000, atEnd.getLast(), "the last step arrives before the result");
            for (int i = 1; i < atEnd.size(); i++) {
                assertTrue(atEnd.get(i) > atEnd.get(i - 1), "steps in order: " + atEnd);
            }
            assertTrue(onFxThread.stream().allMatch(b -> b));
        }
    }

    @Test
    void aTaskGivenAfterCloseIsDroppedQuietly() throws Exception {
        var runner = new FxBackgroundRunner();
        runner.close();
        var ran = new CompletableFuture<Boolean>();
        runner.run(() -> ran.complete(true), result -> { }, error -> { });
        assertFalse(ran.isDone(), "nothing runs once the app is quitting");
    }
}
