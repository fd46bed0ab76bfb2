package dev.waiver.app.review;

import dev.waiver.app.ui.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/// The Reviews screen: who is reviewing and the new-request button on top, reminders and the queue on
/// the left, and on the right the selected case with its steps, or the request form while it is open.
public final class ReviewsScreen extends BorderPane {

    private final ReviewsViewModel viewModel;

    public ReviewsScreen(ReviewsViewModel viewModel, ReviewCaseViewModel caseViewModel, RequestFormViewModel form) {
        this.viewModel = viewModel;
        setId("reviewsScreen");
        getStyleClass().add("reviews-screen");
        setTop(new VBox(toolbar(form), unavailableBanner()));
        var caseView = new ReviewCaseView(caseViewModel);
        var formView = new RequestFormView(form);
        formView.visibleProperty().bind(form.openProperty());
        caseView.visibleProperty().bind(form.openProperty().not());
        var side = new StackPane(caseView, formView);
        var split = new SplitPane(new ReviewQueueView(viewModel), side);
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(side, false);
        setCenter(split);
        // Read the store when the screen is first shown, not when the window is built.
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                viewModel.refresh();
            }
        });
    }

    public ReviewsViewModel viewModel() {
        return viewModel;
    }

    private HBox toolbar(RequestFormViewModel form) {
        var reviewer = new TextField();
        reviewer.setId("reviewerField");
        reviewer.setPrefColumnCount(14);
        reviewer.setTooltip(new Tooltip("Your name: recorded with each step, and checked by the rules "
                + "(a requestor may not approve their own request)"));
        reviewer.textProperty().bindBidirectional(viewModel.reviewerProperty());
        var newRequest = new Button("New request", Icons.DOCUMENT.node());
        newRequest.setId("newRequestButton");
        newRequest.setOnAction(e -> form.start());
        var settled = new CheckBox("Show settled");
        settled.setId("showSettledToggle");
        settled.setTooltip(new Tooltip("Also list cases with nothing to do: applied and active, rejected, removed"));
        settled.selectedProperty().bindBidirectional(viewModel.showSettledProperty());
        var refresh = new Button("Refresh", Icons.RELOAD.node());
        refresh.setId("refreshReviewsButton");
        refresh.setOnAction(e -> viewModel.refresh());
        var summary = new Label();
        summary.setId("reviewSummary");
        summary.getStyleClass().add("detail-muted");
        summary.textProperty().bind(viewModel.summaryProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(8, new Label("Reviewer"), reviewer, newRequest, settled, spacer, summary, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private Label unavailableBanner() {
        var banner = new Label(null, Icons.LOAD_PROBLEM.node());
        banner.setId("reviewsUnavailable");
        banner.getStyleClass().add("error-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(javafx.beans.binding.Bindings.concat(
                "The review workflow is not available: ", viewModel.unavailableProperty()));
        banner.visibleProperty().bind(viewModel.unavailableProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
