package dev.waiver.app.shell;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Node;

/// A screen as the main window hosts it: its view, built the first time the screen is shown so start-up
/// pays only for the first screen, and an optional count shown as a badge on its navigation entry.
public record ScreenSlot(Supplier<? extends Node> view, Optional<ObservableIntegerValue> badge) {

    public static ScreenSlot of(Supplier<? extends Node> view) {
        return new ScreenSlot(view, Optional.empty());
    }

    public static ScreenSlot withBadge(Supplier<? extends Node> view, ObservableIntegerValue count) {
        return new ScreenSlot(view, Optional.of(count));
    }
}
