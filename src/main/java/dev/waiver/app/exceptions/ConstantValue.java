package dev.waiver.app.exceptions;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/// An observable that never changes. Table cells and the sort comparator ask a column for its value once
/// per cell and twice per comparison; handing back one preallocated constant per row keeps scrolling and
/// sorting 100k rows free of per-call wrapper objects.
final class ConstantValue<T> implements ObservableValue<T> {

    private final T value;

    ConstantValue(T value) {
        this.value = value;
    }

    @Override
    public T getValue() {
        return value;
    }

    @Override
    public void addListener(ChangeListener<? super T> listener) {
    }

    @Override
    public void removeListener(ChangeListener<? super T> listener) {
    }

    @Override
    public void addListener(InvalidationListener listener) {
    }

    @Override
    public void removeListener(InvalidationListener listener) {
    }
}
