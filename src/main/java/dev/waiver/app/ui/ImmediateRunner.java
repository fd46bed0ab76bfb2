package dev.waiver.app.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// Runs the task on the calling thread and calls back at once: ViewModel tests need no toolkit and no
/// waiting, and the command line can reuse ViewModels without an FX thread.
public final class ImmediateRunner implements BackgroundRunner {

    @Override
    public <T> void run(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
        T result;
        try {
            result = task.call();
        } catch (Throwable error) {
            onError.accept(error);
            return;
        }
        onSuccess.accept(result);
    }
}
