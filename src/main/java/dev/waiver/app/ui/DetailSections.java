package dev.waiver.app.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/// The titled label/value sections of the detail panes (exception detail, review case), built one way so
/// they look and read alike.
public final class DetailSections {

    /// One line of a section: its label, the id of its value node (for tests), and the bound value; an
    /// `optional` line is hidden while its value is empty.
    public record Row(String label, String id, ObservableStringValue value, boolean optional) {
        public Row(String label, String id, ObservableStringValue value) {
            this(label, id, value, false);
        }
    }

    private DetailSections() {
    }

    public static Row row(String label, String id, ObservableStringValue value) {
        return new Row(label, id, value);
    }

    /// A line shown only while it has a value (the context of an exception read from a cluster, say).
    public static Row optionalRow(String label, String id, ObservableStringValue value) {
        return new Row(label, id, value, true);
    }

    public static VBox section(String title, Row... rows) {
        var grid = new GridPane();
        grid.getStyleClass().add("detail-grid");
        var keys = new ColumnConstraints();
        keys.setMinWidth(110);
        var values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(keys, values);
        for (int i = 0; i < rows.length; i++) {
            var key = new Label(rows[i].label());
            key.getStyleClass().add("detail-key");
            var value = new Label();
            value.setId(rows[i].id());
            value.getStyleClass().add("detail-value");
            value.setWrapText(true);
            value.textProperty().bind(rows[i].value());
            if (rows[i].optional()) {
                value.visibleProperty().bind(Bindings.isNotEmpty(rows[i].value()));
                value.managedProperty().bind(value.visibleProperty());
                key.visibleProperty().bind(value.visibleProperty());
                key.managedProperty().bind(value.visibleProperty());
            }
            grid.addRow(i, key, value);
        }
        return titled(title, grid);
    }

    public static VBox titled(String title, Node content) {
        var heading = new Label(title.toUpperCase(Locale.ROOT));
        heading.getStyleClass().add("detail-section-title");
        var box = new VBox(6, heading, content);
        box.getStyleClass().add("detail-section");
        return box;
    }
}
