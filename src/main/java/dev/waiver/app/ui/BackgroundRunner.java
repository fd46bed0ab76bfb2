package dev.waiver.app.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// The one way work leaves the FX thread. ViewModels hand it a task and get the result (or the error)
/// back on the FX thread, so they never touch threads or `Platform.runLater` themselves, and tests can
/// swap in [ImmediateRunner] to run everything synchronously without a toolkit.
public interface BackgroundRunner {

    <T> void run(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError);

    /// Fire-and-forget work whose failure only matters to the log (saving settings, say).
    default void run(Runnable task) {
        run(() -> {
            task.run();
            return null;
        }, ignored -> { }, error -> System.getLogger(BackgroundRunner.class.getName())
                .log(System.Logger.Level.WARNING, "background task failed", error));
    }
}
