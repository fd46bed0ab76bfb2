package dev.waiver.app.shell;

import javafx.animation.AnimationTimer;

/// Runs a task on the FX thread once the window's first frame is on screen: at the second pulse after
/// `show()`, the first one that follows a rendered frame.
final class FirstFrame {

    private FirstFrame() {
    }

    static void then(Runnable task) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                task.run();
            }
        }.start();
    }
}
