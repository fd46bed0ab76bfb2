package dev.waiver.app.shell;

import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.ImmediateRunner;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javafx.application.Platform;

/// A runner a window test steers: tasks run at once, as with [ImmediateRunner], until [#pauseNextTaskAt]
/// arms it. The next task then runs on a thread of its own, like the production runner, delivers its
/// progress and its end on the FX thread, and stops at the given progress step until [#resume()]: the
/// test acts while the work is provably half done, with latches instead of sleeps.
final class SteppingRunner implements BackgroundRunner {

    private final ImmediateRunner immediate = new ImmediateRunner();
    private volatile int pauseAt = -1;
    private volatile boolean armed;
    private int steps;
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch resumed = new CountDownLatch(1);
    /// How the stepped task ended: its result, or the error it threw.
    final CompletableFuture<Object> outcome = new CompletableFuture<>();

    void pauseNextTaskAt(int step) {
        pauseAt = step;
        armed = true;
    }

    /// Waits (bounded) until the stepped task has reported its pause step.
    void awaitPause() throws InterruptedException {
        if (!paused.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("the task never reached step " + pauseAt);
        }
    }

    void resume() {
        resumed.countDown();
    }

    @Override
    public <T> void run(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
        if (!armed) {
            immediate.run(task, onSuccess, onError);
            return;
        }
        armed = false;
        Thread.ofPlatform().daemon().name("stepped-task").start(() -> {
            try {
                T result = task.call();
                outcome.complete(result);
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable error) {
                outcome.complete(error);
                Platform.runLater(() -> onError.accept(error));
            }
        });
    }

    @Override
    public <U> Consumer<U> updates(Consumer<? super U> onUpdate) {
        return value -> {
            if (Platform.isFxApplicationThread()) {
                onUpdate.accept(value);
                return;
            }
            Platform.runLater(() -> onUpdate.accept(value));
            if (++steps == pauseAt) {
                paused.countDown();
                try {
                    resumed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
