package dev.waiver.app.review;

import dev.waiver.app.ui.StatusStyle;
import dev.waiver.engine.exemption.Finding;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// [ReviewDialogs] as JavaFX dialogs owned by the main window. Each binds to what the ViewModel handed
/// over and only collects the answer; the ViewModel and the workflow judge it.
public final class FxReviewDialogs implements ReviewDialogs {

    private static final ButtonType APPROVE = new ButtonType("Approve", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    private final Supplier<Window> owner;

    public FxReviewDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean approve(ApprovalViewModel approval) {
        var dialog = dialog(approval.title(), "approveDialog");
        dialog.getDialogPane().getButtonTypes().setAll(APPROVE, ButtonType.CANCEL);

        var scope = new Label(approval.scope());
        scope.setWrapText(true);
        var findings = new VBox(4);
        findings.setId("approvalFindings");
        for (Finding f : approval.findings()) {
            var line = new Label(f.code().code() + " — " + f.message(), StatusStyle.icon(f.code().severity()).node());
            line.setWrapText(true);
            line.getStyleClass().addAll("finding", StatusStyle.styleClass(f.code().severity()));
            findings.getChildren().add(line);
        }
        if (approval.findings().isEmpty()) {
            findings.getChildren().add(new Label("No findings"));
        }
        var spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(approval.evaluatingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        var summary = new Label();
        summary.setId("blastSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(approval.blastSummaryProperty());
        var skipped = new ListView<>(approval.wouldSkip());
        skipped.setId("blastRadiusList");
        skipped.setPrefHeight(140);
        skipped.visibleProperty().bind(Bindings.isNotEmpty(approval.wouldSkip()));
        skipped.managedProperty().bind(skipped.visibleProperty());

        var comment = new TextArea();
        comment.setId("approveComment");
        comment.setPromptText("What you checked (recorded in the audit log)");
        comment.setPrefRowCount(2);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(approval.commentProperty());
        var risk = new TextField();
        risk.setId("riskAcceptanceField");
        risk.setPromptText("Who accepts the risk (a name, or a risk register entry)");
        risk.textProperty().bindBidirectional(approval.riskAcceptanceProperty());

        var content = new VBox(8, scope, heading("Lint findings"), findings, heading("Blast radius"),
                new HBox(6, spinner, summary), skipped, heading("Comment"), comment, heading("Risk acceptance"), risk);
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        return dialog.showAndWait().filter(APPROVE::equals).isPresent();
    }

    @Override
    public Optional<String> askReason(ReasonQuestion question) {
        var dialog = dialog(question.title(), "reasonDialog");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        var answer = new TextArea();
        answer.setId("reasonAnswer");
        answer.setPromptText(question.prompt());
        answer.setPrefRowCount(3);
        answer.setWrapText(true);
        var label = new Label(question.question());
        label.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, label, answer));
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(Bindings.createBooleanBinding(() -> answer.getText().isBlank(), answer.textProperty()));
        return dialog.showAndWait().filter(ButtonType.OK::equals).map(b -> answer.getText().strip());
    }

    @Override
    public Optional<Renewal> askRenewal(RenewalQuestion question) {
        var dialog = dialog(question.title(), "renewDialog");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        var days = new Spinner<Integer>(1, question.maxDays(), question.suggestedDays());
        days.setId("renewDays");
        days.setEditable(true);
        var reason = new TextArea();
        reason.setId("renewReason");
        reason.setPromptText("The new justification: why it is still needed");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8,
                new HBox(8, new Label("More days from now (at most " + question.maxDays() + "):"), days), reason));
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty()));
        return dialog.showAndWait().filter(ButtonType.OK::equals)
                .map(b -> new Renewal(days.getValue(), reason.getText().strip()));
    }

    /// The choices as radio buttons (`#applyTarget0`, `#applyTarget1`, …, in order), the suggested one selected.
    @Override
    public Optional<ApplyChoice> askApplyTarget(TargetQuestion question) {
        var dialog = dialog(question.title(), "applyTargetDialog");
        dialog.getDialogPane().getButtonTypes().setAll(APPLY, ButtonType.CANCEL);
        var label = new Label(question.question());
        label.setWrapText(true);
        var group = new ToggleGroup();
        var options = new VBox(6);
        for (int i = 0; i < question.choices().size(); i++) {
            ApplyChoice choice = question.choices().get(i);
            var option = new RadioButton(choice.label());
            option.setId("applyTarget" + i);
            option.setUserData(choice);
            option.setToggleGroup(group);
            option.setSelected(choice.equals(question.suggested()));
            options.getChildren().add(option);
        }
        var scroll = new ScrollPane(options);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(260);
        var content = new VBox(8, label, scroll);
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(APPLY).disableProperty().bind(group.selectedToggleProperty().isNull());
        return dialog.showAndWait().filter(APPLY::equals)
                .map(b -> (ApplyChoice) group.getSelectedToggle().getUserData());
    }

    private Dialog<ButtonType> dialog(String title, String id) {
        var dialog = new Dialog<ButtonType>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setId(id);
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
            if (window.getScene() != null) {
                dialog.getDialogPane().getStylesheets().addAll(window.getScene().getStylesheets());
            }
        }
        return dialog;
    }

    private static Node heading(String text) {
        var label = new Label(text.toUpperCase(java.util.Locale.ROOT));
        label.getStyleClass().add("detail-section-title");
        return label;
    }
}
