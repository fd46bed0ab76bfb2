package dev.waiver.app.exceptions;

import dev.waiver.app.ui.Icons;
import dev.waiver.app.ui.StatusCell;
import dev.waiver.app.ui.StatusStyle;
import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/// The register table's cells; the Status column uses the shared [dev.waiver.app.ui.StatusCell]. Each cell
/// builds its graphic once and only swaps text, icon code and style classes as rows scroll past: no
/// allocation per update beyond what JavaFX itself does. A style class is touched only when it changes,
/// because every change makes JavaFX re-apply CSS to the cell, and after a keystroke every visible cell
/// is updated.
final class ExceptionCells {

    private ExceptionCells() {
    }

    /// Plain text read from a precomputed field.
    static final class Text extends TableCell<ExceptionRow, ExceptionRow> {
        private final Function<ExceptionRow, String> field;

        Text(Function<ExceptionRow, String> field) {
            this.field = field;
        }

        @Override
        protected void updateItem(ExceptionRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : field.apply(row));
        }
    }

    /// End date with its distance, red when past and amber within a week.
    static final class Expires extends TableCell<ExceptionRow, ExceptionRow> {
        private String styleClass;

        @Override
        protected void updateItem(ExceptionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                styleClass = StatusCell.swapClass(this, styleClass, null);
                setText(null);
                return;
            }
            setText(row.expires());
            String urgency = row.urgency().styleClass();
            styleClass = StatusCell.swapClass(this, styleClass,
                    urgency != null ? urgency : row.expiresAt().isEmpty() ? "expiry-none" : null);
        }
    }

    /// Finding count with the icon of the worst severity.
    static final class Findings extends TableCell<ExceptionRow, ExceptionRow> {
        private final FontIcon icon = Icons.SEVERITY_LOW.node();
        private final Tooltip tooltip = new Tooltip();
        private String styleClass;

        Findings() {
            getStyleClass().add("findings-cell");
        }

        @Override
        protected void updateItem(ExceptionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || row.worstSeverity().isEmpty()) {
                styleClass = StatusCell.swapClass(this, styleClass, null);
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            tooltip.setText(row.findingsSummary());
            setTooltip(tooltip);
            var severity = row.worstSeverity().get();
            if (icon.getIconCode() != StatusStyle.icon(severity).ikon()) {
                icon.setIconCode(StatusStyle.icon(severity).ikon());
            }
            styleClass = StatusCell.swapClass(this, styleClass, StatusStyle.styleClass(severity));
            setText(row.findingCountText());
            setGraphic(icon);
        }
    }
}
