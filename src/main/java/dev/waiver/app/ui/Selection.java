package dev.waiver.app.ui;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/// The item a master list has selected, shared with its detail. Master and detail each get this object
/// instead of references to each other, so either can be built and tested alone.
public final class Selection<T> {

    private final ReadOnlyObjectWrapper<T> selected = new ReadOnlyObjectWrapper<>(this, "selected");

    public ReadOnlyObjectProperty<T> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public Optional<T> get() {
        return Optional.ofNullable(selected.get());
    }

    public void select(T item) {
        selected.set(item);
    }

    public void clear() {
        selected.set(null);
    }
}
