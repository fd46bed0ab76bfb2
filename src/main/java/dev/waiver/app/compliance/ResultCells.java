package dev.waiver.app.compliance;

import dev.waiver.app.ui.Icons;
import dev.waiver.app.ui.StatusCell;
import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/// The results table's cells: each builds its graphic once and swaps only text, icon and style class as
/// rows scroll past (a class is touched only when it changes, since every change re-applies CSS).
final class ResultCells {

    private ResultCells() {
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
                styleClass = StatusCell.swapClass(this, styleClass, null);
                setText(null);
                setGraphic(null);
                return;
            }
            styleClass = StatusCell.swapClass(this, styleClass, row.hidesFailure() ? "hidden-failure" : null);
            setText(row.hidden());
            setGraphic(row.hidesFailure() ? icon : null);
        }
    }
}
