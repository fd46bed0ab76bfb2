package dev.waiver.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/// A counter that is also a quick filter (`● Active 18`), as the register and the Compliance screen show
/// them: a label, a live count, and for a status its coloured dot. Put counters in a `FlowPane`: they do
/// not shrink, so a narrow window wraps them onto a second line.
public final class CounterButton {

    private CounterButton() {
    }

    /// `styleClass` colours the dot (`status-active`, `result-fail`); null for the "All" counter, which has
    /// no dot.
    public static ToggleButton of(String label, String id, ObservableIntegerValue count, String styleClass, String tooltip) {
        var name = new Label(label);
        name.getStyleClass().add("counter-label");
        var number = new Label();
        number.getStyleClass().add("counter-count");
        number.textProperty().bind(Bindings.convert(count));
        var graphic = new HBox(6);
        graphic.getStyleClass().add("counter-graphic");
        if (styleClass != null) {
            var dot = new Region();
            dot.getStyleClass().add("status-dot");
            graphic.getChildren().add(dot);
        }
        graphic.getChildren().addAll(name, number);
        var button = new ToggleButton(null, graphic);
        button.setId(id);
        button.getStyleClass().add("counter");
        if (styleClass != null) {
            button.getStyleClass().add(styleClass);
        }
        button.setTooltip(new Tooltip(tooltip));
        // Never "Acti… 100…": a counter keeps the width its label and count need (a bar wraps instead).
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
