package dev.waiver.app.ui;

/// Brings a screen to the front: how one screen's action leads to another (a reminder to the register,
/// a failed check to the request form) without the screens knowing the window.
@FunctionalInterface
public interface Navigator {

    void show(Screen screen);
}
