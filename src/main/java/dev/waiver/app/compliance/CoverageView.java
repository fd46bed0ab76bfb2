package dev.waiver.app.compliance;

import dev.waiver.app.ui.DetailSections;
import dev.waiver.app.ui.Icons;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/// The "Coverage" section of the exception detail: the question as a button, then the answer (a sentence,
/// flagged when the exception covers nothing, and one line per failed check it turns into a Skip).
/// Binds to [CoverageViewModel].
public final class CoverageView extends VBox {

    public CoverageView(CoverageViewModel viewModel) {
        var ask = new Button("What does this exception cover?", Icons.COVERAGE.node());
        ask.setId("coverageButton");
        ask.setTooltip(new Tooltip("Evaluate the workspace with this exception honoured and list the failed checks"
                + " it turns into Skips"));
        ask.disableProperty().bind(viewModel.canCheckProperty().not());
        ask.setOnAction(e -> viewModel.check());
        var spinner = new ProgressIndicator();
        spinner.getStyleClass().add("toolbar-spinner");
        spinner.visibleProperty().bind(viewModel.runningProperty());
        var line = new HBox(8, ask, spinner);
        line.setAlignment(Pos.CENTER_LEFT);

        var summary = new Label();
        summary.setId("coverageSummary");
        summary.getStyleClass().add("coverage-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.visibleProperty().bind(viewModel.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        var flag = Icons.SEVERITY_MEDIUM.node();
        viewModel.coversNothingProperty().addListener((obs, old, nothing) -> {
            summary.setGraphic(nothing ? flag : null);
            if (nothing) {
                summary.getStyleClass().add("covers-nothing");
            } else {
                summary.getStyleClass().remove("covers-nothing");
            }
        });

        var note = new Label();
        note.setId("coverageNote");
        note.getStyleClass().add("detail-muted");
        note.setWrapText(true);
        note.textProperty().bind(viewModel.noteProperty());
        note.visibleProperty().bind(viewModel.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        var list = new VBox(3);
        list.setId("coverageList");
        list.getStyleClass().add("coverage-list");
        Runnable rebuild = () -> {
            list.getChildren().clear();
            for (String text : viewModel.lines()) {
                var item = new Label(text, Icons.RESULT_SKIP.node());
                item.getStyleClass().add("coverage-line");
                item.setWrapText(true);
                list.getChildren().add(item);
            }
        };
        viewModel.lines().addListener((ListChangeListener<String>) c -> rebuild.run());
        rebuild.run();

        var content = new VBox(6, line, summary, note, list);
        getChildren().add(DetailSections.titled("Coverage", content));
        setId("coverageSection");
    }
}
