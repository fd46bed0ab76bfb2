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
/// style classes as rows scroll past: no allocation per update beyond what JavaFX itself does.
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

    /// Colour dot, status icon and label, all in the status colour.
    static final class Status extends TableCell<ExceptionRow, ExceptionRow> {
        private final FontIcon icon = Icons.STATUS_ACTIVE.node();
        private final HBox graphic;

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
            getStyleClass().removeAll(StatusStyle.ALL_CLASSES);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            StatusStyle style = StatusStyle.of(row.status());
            icon.setIconCode(style.icon().ikon());
            getStyleClass().add(style.styleClass());
            setText(row.status().label());
            setGraphic(graphic);
        }
    }

    /// End date with its distance, red when past and amber within a week.
    static final class Expires extends TableCell<ExceptionRow, ExceptionRow> {
        private static final java.util.List<String> CLASSES = java.util.List.of("expiry-past", "expiry-soon", "expiry-none");

        @Override
        protected void updateItem(ExceptionRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(CLASSES);
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(row.expires());
            String urgency = row.urgency().styleClass();
            if (urgency != null) {
                getStyleClass().add(urgency);
            } else if (row.expiresAt().isEmpty()) {
                getStyleClass().add("expiry-none");
            }
        }
    }

    /// Finding count with the icon of the worst severity.
    static final class Findings extends TableCell<ExceptionRow, ExceptionRow> {
        private final FontIcon icon = Icons.SEVERITY_LOW.node();
        private final Tooltip tooltip = new Tooltip();

        Findings() {
            getStyleClass().add("findings-cell");
        }

        @Override
        protected void updateItem(ExceptionRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(StatusStyle.SEVERITY_CLASSES);
            if (empty || row == null || row.worstSeverity().isEmpty()) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            tooltip.setText(row.findingsSummary());
            setTooltip(tooltip);
            var severity = row.worstSeverity().get();
            icon.setIconCode(StatusStyle.icon(severity).ikon());
            getStyleClass().add(StatusStyle.styleClass(severity));
            setText(Integer.toString(row.findingCount()));
            setGraphic(icon);
        }
    }
}
