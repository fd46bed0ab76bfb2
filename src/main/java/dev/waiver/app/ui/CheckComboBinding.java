package dev.waiver.app.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.IndexedCheckModel;

/// Keeps a [CheckComboBox]'s checked items and a ViewModel's `ObjectProperty<Set<T>>` equal in both
/// directions. The property is the truth: when the items change (a reload) the checks are re-applied
/// from it, and a change only crosses over when the sets differ, so one click filters once.
public final class CheckComboBinding {

    private CheckComboBinding() {
    }

    /// Binds the checks of a combo built over the ViewModel's own list of choices. Prefer
    /// [#bind(CheckComboBox, ObservableList, ObjectProperty, String)] where the choices change under a
    /// chosen item: ControlsFX keeps its checked indices when its items change (controlsfx#1004), which
    /// the combo can only be cleared of before the change.
    public static <T> void bind(CheckComboBox<T> combo, ObjectProperty<Set<T>> property, String title) {
        var sync = new Sync<>(combo, property, title);
        combo.getItems().addListener((ListChangeListener<T>) change -> sync.toCombo(true));
        sync.toCombo(false);
    }

    /// Binds the checks, and shows `title` alone when nothing is checked, `title: item` for one item, and
    /// `title (n)` for more (ControlsFX's own count goes stale when the items change after creation).
    ///
    /// The combo's items are a copy of `choices`, replaced here so its checks are cleared before its
    /// items change and set again after: ControlsFX gives every item a fresh, unchecked check box when its
    /// items change but keeps the checked indices (controlsfx#1004), so otherwise a chosen item shows
    /// unchecked and a click on it does nothing, and a chosen index past the new end fails.
    public static <T> void bind(CheckComboBox<T> combo, ObservableList<? extends T> choices,
                                ObjectProperty<Set<T>> property, String title) {
        var sync = new Sync<>(combo, property, title);
        // The combo keeps the choices alive: an unmodifiable view listens to its list only weakly, and
        // nothing else may hold it.
        combo.getProperties().put(CheckComboBinding.class, choices);
        Runnable replace = () -> sync.quietly(() -> {
            sync.model.clearChecks();
            combo.getItems().setAll(List.copyOf(choices));
        });
        choices.addListener((ListChangeListener<T>) change -> {
            replace.run();
            sync.toCombo(true);
        });
        replace.run();
        sync.toCombo(true);
    }

    private static final class Sync<T> {
        private final CheckComboBox<T> combo;
        private final IndexedCheckModel<T> model;
        private final ObjectProperty<Set<T>> property;
        private boolean syncing;

        Sync(CheckComboBox<T> combo, ObjectProperty<Set<T>> property, String title) {
            this.combo = combo;
            this.model = combo.getCheckModel();
            this.property = property;
            combo.titleProperty().bind(Bindings.createStringBinding(() -> {
                Set<T> chosen = property.get();
                return switch (chosen.size()) {
                    case 0 -> title;
                    case 1 -> title + ": " + chosen.iterator().next();
                    default -> title + " (" + chosen.size() + ")";
                };
            }, property));
            model.getCheckedItems().addListener((ListChangeListener<T>) change -> toProperty());
            property.addListener((obs, old, now) -> toCombo(false));
        }

        void toProperty() {
            if (syncing) {
                return;
            }
            var checked = Set.copyOf(new HashSet<>(model.getCheckedItems()));
            if (!checked.equals(property.get())) {
                property.set(checked);
            }
        }

        /// `always`: re-check even when the checked items already equal the property (after the items
        /// changed, the check boxes may not show them).
        void toCombo(boolean always) {
            quietly(() -> {
                Set<T> wanted = property.get();
                if (always || !Set.copyOf(new HashSet<>(model.getCheckedItems())).equals(wanted)) {
                    model.clearChecks();
                    wanted.stream().filter(combo.getItems()::contains).forEach(model::check);
                }
            });
        }

        void quietly(Runnable change) {
            if (syncing) {
                return;
            }
            syncing = true;
            try {
                change.run();
            } finally {
                syncing = false;
            }
        }
    }
}
