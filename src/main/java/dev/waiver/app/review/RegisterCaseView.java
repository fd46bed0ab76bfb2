package dev.waiver.app.review;

import dev.waiver.app.ui.DetailSections;
import dev.waiver.app.ui.Icons;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/// The "Review case" section of the exception detail: which case of Waiver's store the exception is, and
/// the way to it (renew, revoke and remove are taken there). When there is none, the button is disabled
/// and the reason shows beneath it. Binds to [RegisterCaseViewModel].
public final class RegisterCaseView extends VBox {

    public RegisterCaseView(RegisterCaseViewModel viewModel) {
        setId("reviewCaseSection");
        var summary = new Label();
        summary.setId("reviewCaseSummary");
        summary.getStyleClass().add("detail-value");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.visibleProperty().bind(viewModel.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());

        var open = new Button("Open its review case", Icons.REVIEWS.node());
        open.setId("openReviewCaseButton");
        open.disableProperty().bind(viewModel.canOpenProperty().not());
        open.setOnAction(e -> viewModel.open());
        open.setTooltip(new Tooltip("Renew, revoke and remove it there, as steps of its case"));

        var whyNot = new Label();
        whyNot.setId("reviewCaseWhyNot");
        whyNot.getStyleClass().add("detail-muted");
        whyNot.setWrapText(true);
        whyNot.textProperty().bind(viewModel.whyNotOpenProperty());
        whyNot.visibleProperty().bind(viewModel.whyNotOpenProperty().isNotEmpty());
        whyNot.managedProperty().bind(whyNot.visibleProperty());

        getChildren().add(DetailSections.titled("Review case", new VBox(6, summary, open, whyNot)));
    }
}
