package dev.waiver.app.ui;

import java.util.HashSet;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.IndexedCheckModel;

/// Keeps a [CheckComboBox]'s checked items and a ViewModel's `ObjectProperty<Set<T>>` equal in both
/// directions. The property is the truth: when the items change (a reload) the checks are re-applied
/// from it, and a change only crosses over when the sets differ, so one click filters once.
public final class CheckComboBinding {

    private CheckComboBinding() {
    }

    /// Binds the checks, and shows `title` alone when nothing is checked, `title: item` for one item, and
    /// `title (n)` for more (ControlsFX's own count goes stale when the items change after creation).
    public static <T> void bind(CheckComboBox<T> combo, ObjectProperty<Set<T>> property, String title) {
        combo.titleProperty().bind(Bindings.createStringBinding(() -> {
            Set<T> chosen = property.get();
            return switch (chosen.size()) {
                case 0 -> title;
                case 1 -> title + ": " + chosen.iterator().next();
                default -> title + " (" + chosen.size() + ")";
            };
        }, property));
        IndexedCheckModel<T> model = combo.getCheckModel();
        boolean[] syncing = {false};
        Runnable toProperty = () -> {
            if (syncing[0]) {
                return;
            }
            var checked = Set.copyOf(new HashSet<>(model.getCheckedItems()));
            if (!checked.equals(property.get())) {
                property.set(checked);
            }
        };
        Runnable toCombo = () -> {
            if (syncing[0]) {
                return;
            }
            syncing[0] = true;
            try {
                Set<T> wanted = property.get();
                if (!Set.copyOf(new HashSet<>(model.getCheckedItems())).equals(wanted)) {
                    model.clearChecks();
                    wanted.stream().filter(combo.getItems()::contains).forEach(model::check);
                }
            } finally {
                syncing[0] = false;
            }
        };
        model.getCheckedItems().addListener((ListChangeListener<T>) change -> toProperty.run());
        property.addListener((obs, old, now) -> toCombo.run());
        combo.getItems().addListener((ListChangeListener<T>) change -> toCombo.run());
        toCombo.run();
    }
}
