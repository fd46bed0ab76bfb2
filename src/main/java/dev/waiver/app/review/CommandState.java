package dev.waiver.app.review;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/// Whether a command can run now and, when it cannot, why: a disabled button says the reason rather than
/// leaving the reviewer to guess ("you requested this one").
final class CommandState {

    private final ReadOnlyBooleanWrapper allowed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper whyNot = new ReadOnlyStringWrapper("");

    void allow() {
        whyNot.set("");
        allowed.set(true);
    }

    void refuse(String reason) {
        allowed.set(false);
        whyNot.set(reason);
    }

    boolean allowed() {
        return allowed.get();
    }

    ReadOnlyBooleanProperty allowedProperty() {
        return allowed.getReadOnlyProperty();
    }

    /// Empty while the command is allowed.
    ReadOnlyStringProperty whyNotProperty() {
        return whyNot.getReadOnlyProperty();
    }
}
