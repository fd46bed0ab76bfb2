package dev.waiver.app.ui;

import java.util.Objects;
import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/// A table cell with a colour dot, an icon and a label in the colour of the row's status (an exception's
/// status in the register, a result on the Compliance screen). It builds its graphic once and swaps only
/// the text, the icon code and the style class as rows scroll past.
public final class StatusCell<R> extends TableCell<R, R> {

    private final Function<R, ? extends StatusLook> look;
    private final FontIcon icon = Icons.STATUS_ACTIVE.node();
    private final HBox graphic;
    private String styleClass;

    public StatusCell(Function<R, ? extends StatusLook> look) {
        this.look = look;
        var dot = new Region();
        dot.getStyleClass().add("status-dot");
        graphic = new HBox(6, dot, icon);
        graphic.getStyleClass().add("status-graphic");
        getStyleClass().add("status-cell");
        setContentDisplay(ContentDisplay.LEFT);
    }

    @Override
    protected void updateItem(R row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            styleClass = swapClass(this, styleClass, null);
            setText(null);
            setGraphic(null);
            return;
        }
        StatusLook style = look.apply(row);
        if (icon.getIconCode() != style.icon().ikon()) {
            icon.setIconCode(style.icon().ikon());
        }
        styleClass = swapClass(this, styleClass, style.styleClass());
        setText(style.label());
        setGraphic(graphic);
    }

    /// Replaces `current` (may be null) with `wanted` (may be null) in the cell's style classes, if they
    /// differ. Only a real change is made: every change makes JavaFX re-apply CSS to the cell, and after a
    /// keystroke every visible cell is updated.
    public static String swapClass(TableCell<?, ?> cell, String current, String wanted) {
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
}
