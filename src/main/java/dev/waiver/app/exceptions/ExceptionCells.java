package dev.waiver.app.exceptions;

import dev.waiver.app.ui.Icons;
import dev.waiver.app.ui.StatusStyle;
import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/// The register table's cells. Each cell builds its graphic once and only swaps text, icon code and
/// style classes as rows scroll past: no allocation per update beyond what JavaFX itself does. A style
/// class is touched only when it changes, because every change makes JavaFX re-apply CSS to the cell,
/// and after a keystroke every visible cell is updated.
final class ExceptionCells {

    private ExceptionCells() {
    }

    /// Replaces `current` (may be null) with `wanted` (may be null) in the cell's style classes, if they differ.
    private static String swapClass(TableCell<?, ?> cell, String current, String wanted) {
        if (java.util.Objects.equals(current, wanted)) {
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

    /// Colour dot, status icon and label, all in the status colour.
    static final class Status extends TableCell<ExceptionRow, ExceptionRow> {
        private final FontIcon icon = Icons.STATUS_ACTIVE.node();
        private final HBox graphic;
        private String styleClass;

        Status() {
            var dot = new Region();
            dot.getStyleClass().add("status-dot");
            graphic = new HBox(6, dot, icon);
            graphic.getStyleClass().add("status-graphic");
            getStyleClass().add("status-cell");
            setContentDisplay(ContentDisplay.LEFT);
        }

        @Override
        protected void updateItem(ExceptionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                styleClass = swapClass(this, styleClass, null);
                setText(null);
                setGraphic(null);
                return;
            }
            StatusStyle style = StatusStyle.of(row.status());
            if (icon.getIconCode() != style.icon().ikon()) {
                icon.setIconCode(style.icon().ikon());
            }
            styleClass = swapClass(this, styleClass, style.styleClass());
            setText(row.status().label());
            setGraphic(graphic);
        }
    }

    /// End date with its distance, red when past and amber within a week.
    static final class Expires extends TableCell<ExceptionRow, ExceptionRow> {
        private String styleClass;

        @Override
        protected void updateItem(ExceptionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                styleClass = swapClass(this, styleClass, null);
                setText(null);
                return;
            }
            setText(row.expires());
            String urgency = row.urgency().styleClass();
            styleClass = swapClass(this, styleClass,
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
                styleClass = swapClass(this, styleClass, null);
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
            styleClass = swapClass(this, styleClass, StatusStyle.styleClass(severity));
            setText(row.findingCountText());
            setGraphic(icon);
        }
    }
}
