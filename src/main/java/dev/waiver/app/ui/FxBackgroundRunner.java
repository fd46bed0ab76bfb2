package dev.waiver.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/// Production runner: each task on its own virtual thread (loading is I/O-bound and rare, so there is no
/// pool to size), callbacks delivered on the FX thread.
public final class FxBackgroundRunner implements BackgroundRunner, AutoCloseable {

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("waiver-bg-", 0).factory());

    /// After [#close] (the app is quitting) a new task is dropped: nothing would be there to show its result.
    @Override
    public <T> void run(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
        try {
            executor.execute(() -> {
                try {
                    T result = task.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Throwable error) {
                    Platform.runLater(() -> onError.accept(error));
                }
            });
        } catch (RejectedExecutionException closed) {
            // closed: the app is quitting
        }
    }

    /// One pending delivery at a time: a value reported while one waits replaces it.
    @Override
    public <U> Consumer<U> updates(Consumer<? super U> onUpdate) {
        var latest = new AtomicReference<U>();
        return value -> {
            if (latest.getAndSet(java.util.Objects.requireNonNull(value)) == null) {
                Platform.runLater(() -> onUpdate.accept(latest.getAndSet(null)));
            }
        };
    }

    /// Stops taking work; running tasks finish on their own (virtual threads do not keep the JVM alive).
    @Override
    public void close() {
        executor.shutdown();
    }
}
