package dev.waiver.app.review;

import static dev.waiver.app.ui.DetailSections.row;
import static dev.waiver.app.ui.DetailSections.section;
import dev.waiver.app.ui.Icons;
import dev.waiver.app.ui.StatusStyle;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/// The selected case: its facts, and the workflow steps as buttons. A step the reviewer may not take is
/// disabled, and says why in its tooltip; the approval's reason also shows under the buttons, since it
/// is the one a requestor most often meets.
final class ReviewCaseView extends StackPane {

    private final ReviewCaseViewModel viewModel;

    ReviewCaseView(ReviewCaseViewModel viewModel) {
        this.viewModel = viewModel;
        setId("reviewCasePane");
        getStyleClass().add("detail-pane");
        var t = viewModel.text();
        var fields = new VBox(14, header(), actions(),
                section("Request",
                        row("Policies and rules", "caseChecks", t.checksProperty()),
                        row("Matches", "caseMatches", t.matchesProperty()),
                        row("Requestor", "caseRequestor", t.requestorProperty()),
                        row("Reason", "caseReason", t.reasonProperty()),
                        row("Ticket", "caseTicket", t.ticketProperty()),
                        row("Requested", "caseRequested", t.requestedProperty()),
                        row("Ends", "caseEnds", t.endsProperty())),
                section("Decision",
                        row("Approvals", "caseApprovals", t.approvalsProperty()),
                        row("Decision", "caseDecision", t.decisionProperty()),
                        row("Risk acceptance", "caseRiskAcceptance", t.riskAcceptanceProperty()),
                        row("Applied to", "caseAppliedTo", t.appliedToProperty()),
                        row("Renewals", "caseRenewals", t.renewalsProperty())));
        fields.getStyleClass().add("detail-fields");
        var scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("detail-scroll");
        var empty = new Label("Select a case in the queue, or start a new request", Icons.REVIEWS.node());
        empty.getStyleClass().add("detail-empty");
        empty.visibleProperty().bind(t.presentProperty().not());
        scroll.visibleProperty().bind(t.presentProperty());
        getChildren().addAll(scroll, empty);
    }

    private Node header() {
        var t = viewModel.text();
        var title = new Label();
        title.setId("caseException");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        title.textProperty().bind(t.exceptionProperty());
        var id = new Label();
        id.setId("caseId");
        id.getStyleClass().add("detail-subtitle");
        id.textProperty().bind(t.idProperty());
        var status = new Label(null, Icons.STATUS_IN_REVIEW.node());
        status.setId("caseStatus");
        status.getStyleClass().add("status-badge");
        status.textProperty().bind(t.statusTextProperty());
        t.statusProperty().addListener((obs, old, now) -> {
            status.getStyleClass().removeAll(StatusStyle.ALL_CLASSES);
            if (now != null) {
                status.getStyleClass().add(StatusStyle.of(now).styleClass());
                status.setGraphic(StatusStyle.of(now).icon().node());
            }
        });
        var stage = new Label();
        stage.setId("caseStage");
        stage.getStyleClass().add("detail-subtitle");
        stage.textProperty().bind(t.stageProperty());
        return new VBox(4, title, new HBox(10, status, id, stage));
    }

    private Node actions() {
        var vm = viewModel;
        var buttons = new FlowPane(6, 6,
                button("Approve…", "approveButton", vm.canApproveProperty(), vm.whyNotApproveProperty(), vm::approve),
                button("Reject…", "rejectButton", vm.canRejectProperty(), vm.whyNotRejectProperty(), vm::reject),
                button(vm.applyLabelProperty(), "applyButton", vm.canApplyProperty(), vm.whyNotApplyProperty(), vm::apply),
                button("Renew…", "renewButton", vm.canRenewProperty(), vm.whyNotRenewProperty(), vm::renew),
                button("Revoke…", "revokeButton", vm.canRevokeProperty(), vm.whyNotRevokeProperty(), vm::revoke),
                button("Remove…", "removeButton", vm.canRemoveProperty(), vm.whyNotRemoveProperty(), vm::remove),
                button("Escalate…", "escalateButton", vm.canEscalateProperty(), vm.whyNotEscalateProperty(), vm::escalate));
        var whyNotApprove = new Label();
        whyNotApprove.setId("approveWhyNot");
        whyNotApprove.getStyleClass().add("detail-muted");
        whyNotApprove.setWrapText(true);
        whyNotApprove.textProperty().bind(vm.whyNotApproveProperty());
        // Only while approving is the step at hand: a request In Review.
        whyNotApprove.visibleProperty().bind(vm.whyNotApproveProperty().isNotEmpty()
                .and(viewModel.text().statusProperty().isEqualTo(dev.waiver.engine.exemption.ExemptionStatus.IN_REVIEW)));
        whyNotApprove.managedProperty().bind(whyNotApprove.visibleProperty());
        var result = new Label();
        result.setId("caseResult");
        result.getStyleClass().add("detail-muted");
        result.setWrapText(true);
        result.textProperty().bind(vm.lastResultProperty());
        result.visibleProperty().bind(vm.lastResultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        var problem = new Label(null, Icons.LOAD_PROBLEM.node());
        problem.setId("caseProblem");
        problem.getStyleClass().add("error-banner");
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return new VBox(6, buttons, whyNotApprove, result, problem);
    }

    private static Node button(String label, String id, ObservableBooleanValue allowed, ObservableStringValue whyNot,
                               Runnable command) {
        return button(new SimpleStringProperty(label), id, allowed, whyNot, command);
    }

    /// The tooltip sits on a wrapper: a disabled button gets no mouse events, so its own would never show.
    private static Node button(ObservableStringValue label, String id, ObservableBooleanValue allowed,
                               ObservableStringValue whyNot, Runnable command) {
        var button = new Button();
        button.textProperty().bind(label);
        button.setId(id);
        button.disableProperty().bind(javafx.beans.binding.Bindings.not(allowed));
        button.setOnAction(e -> command.run());
        var wrapper = new StackPane(button);
        wrapper.setId(id + "Wrapper");
        var tip = new Tooltip();
        tip.textProperty().bind(whyNot);
        Runnable sync = () -> {
            if (whyNot.get() == null || whyNot.get().isEmpty()) {
                Tooltip.uninstall(wrapper, tip);
            } else {
                Tooltip.install(wrapper, tip);
            }
        };
        whyNot.addListener((obs, old, now) -> sync.run());
        sync.run();
        return wrapper;
    }
}
