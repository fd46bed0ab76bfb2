package dev.waiver.app.review;

import dev.waiver.app.ui.CheckComboBinding;
import dev.waiver.app.ui.Icons;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/// The request form, in the side pane of the Reviews screen. Binds to [RequestFormViewModel]; the line
/// under the fields is the store's own verdict on the form as it stands.
final class RequestFormView extends ScrollPane {

    /// Held: the spinner binds to it bidirectionally, and such bindings only hold weak references.
    private final ObjectProperty<Integer> days;

    RequestFormView(RequestFormViewModel viewModel) {
        setId("requestForm");
        getStyleClass().addAll("detail-scroll", "request-form");
        setFitToWidth(true);
        days = viewModel.daysProperty().asObject();

        var title = new Label("Request an exception", Icons.DOCUMENT.node());
        title.getStyleClass().add("detail-title");

        var policy = new ComboBox<>(viewModel.policies());
        policy.setId("policyChoice");
        policy.setMaxWidth(Double.MAX_VALUE);
        policy.setPromptText("Choose a policy");
        policy.valueProperty().bindBidirectional(viewModel.policyProperty());

        var rules = new CheckComboBox<String>();
        rules.setId("ruleChoice");
        rules.setMaxWidth(Double.MAX_VALUE);
        CheckComboBinding.bind(rules, viewModel.availableRules(), viewModel.rulesProperty(), "Every rule");

        var spinner = new Spinner<Integer>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 3650, viewModel.daysProperty().get()));
        spinner.setId("daysField");
        spinner.setEditable(true);
        spinner.getValueFactory().valueProperty().bindBidirectional(days);
        var endDate = new DatePicker();
        endDate.setId("endDateField");
        endDate.setPromptText("or an end date");
        endDate.valueProperty().bindBidirectional(viewModel.endDateProperty());
        var ends = new Label();
        ends.setId("requestEnds");
        ends.getStyleClass().add("detail-muted");
        ends.textProperty().bind(viewModel.endsTextProperty());
        var when = new HBox(8, spinner, new Label("days"), endDate);
        when.setAlignment(Pos.CENTER_LEFT);

        var grid = new GridPane();
        grid.getStyleClass().add("detail-grid");
        var keys = new ColumnConstraints();
        keys.setMinWidth(150);
        var values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(keys, values);
        int row = 0;
        grid.addRow(row++, key("Policy"), policy);
        grid.addRow(row++, key("Rules"), rules);
        grid.addRow(row++, key("Namespaces"), text("namespacesField", "payments, team-*", viewModel.namespacesProperty()));
        grid.addRow(row++, key("Kinds"), text("kindsField", "Pod", viewModel.kindsProperty()));
        grid.addRow(row++, key("Names"), text("namesField", "api-*  (empty: every name)", viewModel.namesProperty()));
        grid.addRow(row++, key("Reason"), area("reasonField", "Why it cannot comply yet, and the plan to fix it",
                viewModel.reasonProperty()));
        grid.addRow(row++, key("Ticket"), text("ticketField", "SEC-123", viewModel.ticketProperty()));
        grid.addRow(row++, key("Lasts"), new VBox(4, when, ends));
        grid.addRow(row, key("Exception namespace"), text("exceptionNamespaceField",
                "where the object lives (default: the first namespace)", viewModel.exceptionNamespaceProperty()));

        var problem = new Label(null, Icons.SEVERITY_MEDIUM.node());
        problem.setId("formProblem");
        problem.getStyleClass().add("form-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        var submit = new Button("Submit request");
        submit.setId("submitRequestButton");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(viewModel.canSubmitProperty().not());
        submit.setOnAction(e -> viewModel.submit());
        var cancel = new Button("Cancel");
        cancel.setId("cancelRequestButton");
        cancel.setOnAction(e -> viewModel.cancel());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var buttons = new HBox(8, spacer, cancel, submit);

        var content = new VBox(14, title, grid, problem, buttons);
        content.getStyleClass().add("detail-fields");
        setContent(content);
    }

    private static Label key(String text) {
        var label = new Label(text);
        label.getStyleClass().add("detail-key");
        return label;
    }

    private static Node text(String id, String prompt, javafx.beans.property.StringProperty value) {
        return bound(new TextField(), id, prompt, value);
    }

    private static Node area(String id, String prompt, javafx.beans.property.StringProperty value) {
        var area = new TextArea();
        area.setPrefRowCount(3);
        area.setWrapText(true);
        return bound(area, id, prompt, value);
    }

    private static Node bound(TextInputControl field, String id, String prompt, javafx.beans.property.StringProperty value) {
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
