package dev.waiver.app.ui;

import javafx.beans.property.Property;
import javafx.scene.control.TableView;

/// Keeps a table's selected row and its ViewModel's selected row the same, both ways: a click selects in
/// the ViewModel, and a row the ViewModel selects (after a reload, or from another screen) is selected and
/// scrolled into view.
public final class TableSelection {

    private TableSelection() {
    }

    public static <T> void bind(TableView<T> table, Property<T> selected) {
        var model = table.getSelectionModel();
        model.selectedItemProperty().addListener((obs, old, row) -> selected.setValue(row));
        selected.addListener((obs, old, row) -> {
            if (row != model.getSelectedItem()) {
                if (row == null) {
                    model.clearSelection();
                } else {
                    model.select(row);
                    table.scrollTo(row);
                }
            }
        });
    }
}
