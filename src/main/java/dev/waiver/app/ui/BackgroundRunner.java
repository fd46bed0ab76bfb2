package dev.waiver.app.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// The one way work leaves the FX thread. ViewModels hand it a task and get the result (or the error)
/// back on the FX thread, so they never touch threads or `Platform.runLater` themselves, and tests can
/// swap in [ImmediateRunner] to run everything synchronously without a toolkit.
public interface BackgroundRunner {

    <T> void run(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError);

    /// A sink the task may call from its own thread to say how far it got: the latest value reaches
    /// `onUpdate` on the FX thread, and values overtaken before they are delivered are dropped, so a task
    /// may report after every step. Values must not be null. By default delivered at once, on the calling
    /// thread (the immediate runner's, where the task runs on the caller's thread anyway).
    default <U> Consumer<U> updates(Consumer<? super U> onUpdate) {
        return onUpdate::accept;
    }

    /// Fire-and-forget work whose failure only matters to the log (saving settings, say).
    default void run(Runnable task) {
        run(() -> {
            task.run();
            return null;
        }, ignored -> { }, error -> System.getLogger(BackgroundRunner.class.getName())
                .log(System.Logger.Level.WARNING, "background task failed", error));
    }
}
