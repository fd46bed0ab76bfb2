package dev.waiver.app.compliance;

import dev.waiver.app.ui.Icons;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/// The results table's cells: each builds its graphic once and swaps only text, icon and style class as
/// rows scroll past (a class is touched only when it changes, since every change re-applies CSS).
final class ResultCells {

    private ResultCells() {
    }

    private static String swapClass(TableCell<?, ?> cell, String current, String wanted) {
        if (Objects.equals(current, wanted)) {
            return current;
        }
        if (current != null) {
            cell.getStyleClass().remove(current);
        }
        if (wanted != null) {
            cell.getStyleClass().add(wanted);
        }
        return wanted;
    }

    /// Plain text read from a precomputed field, the whole text as tooltip when it is long.
    static final class Text extends TableCell<ResultRow, ResultRow> {
        private final Function<ResultRow, String> field;

        Text(Function<ResultRow, String> field) {
            this.field = field;
        }

        @Override
        protected void updateItem(ResultRow row, boolean empty) {
            super.updateItem(row, empty);
            String text = empty || row == null ? null : field.apply(row);
            setText(text);
            setTooltip(text != null && text.length() > 40 ? new Tooltip(text) : null);
        }
    }

    /// Colour dot, result icon and label, in the result's colour.
    static final class Result extends TableCell<ResultRow, ResultRow> {
        private final FontIcon icon = Icons.RESULT_PASS.node();
        private final HBox graphic;
        private String styleClass;

        Result() {
            var dot = new Region();
            dot.getStyleClass().add("status-dot");
            graphic = new HBox(6, dot, icon);
            graphic.getStyleClass().add("status-graphic");
            getStyleClass().add("status-cell");
            setContentDisplay(ContentDisplay.LEFT);
        }

        @Override
        protected void updateItem(ResultRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                styleClass = swapClass(this, styleClass, null);
                setText(null);
                setGraphic(null);
                return;
            }
            ResultStyle style = ResultStyle.of(row.status());
            if (icon.getIconCode() != style.icon().ikon()) {
                icon.setIconCode(style.icon().ikon());
            }
            styleClass = swapClass(this, styleClass, style.styleClass());
            setText(style.label());
            setGraphic(graphic);
        }
    }

    /// What a Skip would be without its exception; a hidden failure stands out.
    static final class Hidden extends TableCell<ResultRow, ResultRow> {
        private final FontIcon icon = Icons.HIDDEN_FAILURE.node();
        private String styleClass;

        Hidden() {
            getStyleClass().add("hidden-result-cell");
        }

        @Override
        protected void updateItem(ResultRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || row.hidden().isEmpty()) {
                styleClass = swapClass(this, styleClass, null);
                setText(null);
                setGraphic(null);
                return;
            }
            styleClass = swapClass(this, styleClass, row.hidesFailure() ? "hidden-failure" : null);
            setText(row.hidden());
            setGraphic(row.hidesFailure() ? icon : null);
        }
    }
}
