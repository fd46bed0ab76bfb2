package dev.waiver.app.compliance;

import dev.waiver.app.ui.Icons;
import java.util.Locale;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// The selected Compliance result below the table: its title with "Request exception…" (or why not), what
/// it says about the resource and an exception behind it, then the rule as it ran and the resource it ran
/// on, side by side as YAML. Binds to [ResultDetailViewModel].
public final class ResultDetailView extends VBox {

    public ResultDetailView(ResultDetailViewModel viewModel) {
        super(6);
        var title = new Label();
        title.setId("resultTitle");
        title.getStyleClass().add("detail-title");
        title.textProperty().bind(viewModel.selectedTitleProperty());
        title.setMinWidth(0);

        var request = new Button("Request exception…", Icons.REQUEST.node());
        request.setId("requestExceptionButton");
        request.disableProperty().bind(viewModel.canRequestProperty().not());
        request.setOnAction(e -> viewModel.requestException());
        var whyNot = new Label();
        whyNot.setId("requestWhyNot");
        whyNot.getStyleClass().add("detail-muted");
        whyNot.textProperty().bind(viewModel.requestWhyNotProperty());
        whyNot.setMinWidth(0);

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(10, title, spacer, whyNot, request);
        header.setAlignment(Pos.CENTER_LEFT);

        var text = new Label();
        text.setId("resultText");
        text.getStyleClass().add("detail-value");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(viewModel.selectedTextProperty());
        text.visibleProperty().bind(viewModel.selectedTextProperty().isNotEmpty());
        text.managedProperty().bind(text.visibleProperty());

        var yamls = new SplitPane(
                yaml("Policy rule", "ruleYamlView", "Select a result to see the rule as it ran", viewModel.ruleYamlProperty()),
                yaml("Resource", "resourceYamlView", "… and the resource it ran on", viewModel.resourceYamlProperty()));
        yamls.setDividerPositions(0.5);
        getChildren().setAll(header, text, yamls);
        VBox.setVgrow(yamls, Priority.ALWAYS);
        setId("resultDetail");
        getStyleClass().add("result-detail");
    }

    private static Node yaml(String title, String id, String prompt, ObservableStringValue value) {
        var area = new TextArea();
        area.setPromptText(prompt);
        area.setId(id);
        area.getStyleClass().add("yaml-view");
        area.setEditable(false);
        area.textProperty().bind(value);
        var heading = new Label(title.toUpperCase(Locale.ROOT), Icons.YAML.node());
        heading.getStyleClass().add("detail-section-title");
        var box = new VBox(6, heading, area);
        box.getStyleClass().add("result-yaml");
        VBox.setVgrow(area, Priority.ALWAYS);
        return box;
    }
}
