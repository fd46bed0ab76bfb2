package dev.waiver.app.auditview;

import dev.waiver.app.export.ExportFormat;
import dev.waiver.app.ui.Icons;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// The Export dialog: format, destination, and the outcome of each export, shown in the dialog so a
/// failed write can be retried elsewhere without starting over. Binds to [AuditExportViewModel]; the
/// Export button runs the export and keeps the dialog open, Close closes it.
final class AuditExportDialog extends Dialog<ButtonType> {

    private static final double CONTENT_WIDTH = 640;

    static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    AuditExportDialog(AuditExportViewModel viewModel, Window owner) {
        setTitle("Export for auditors");
        setHeaderText("Export the audit log for auditors");
        getDialogPane().setId("exportDialog");
        getDialogPane().getStyleClass().add("export-dialog");
        if (owner != null) {
            initOwner(owner);
            if (owner.getScene() != null) {
                getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CLOSE);
        var export = (Button) getDialogPane().lookupButton(EXPORT);
        export.setId("runExportButton");
        export.disableProperty().bind(Bindings.not(viewModel.canExportProperty()));
        // Export keeps the dialog open: the outcome (where it wrote, the head hash, or what went wrong) shows here.
        export.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.export();
        });
        getDialogPane().setContent(content(viewModel));
        // A dialog keeps the size it opened with: grow it with the outcome so the buttons stay in view.
        for (var outcome : java.util.List.of(viewModel.resultProperty(), viewModel.headProperty(),
                viewModel.warningProperty(), viewModel.problemProperty())) {
            outcome.addListener((obs, old, now) -> fit());
        }
    }

    private void fit() {
        var scene = getDialogPane().getScene();
        if (scene != null && scene.getWindow() != null) {
            scene.getWindow().sizeToScene();
        }
    }

    private static Node content(AuditExportViewModel vm) {
        var group = new ToggleGroup();
        var formats = new VBox(4,
                format(group, ExportFormat.CSV, "formatCsv", "CSV: one row per entry, for spreadsheets"),
                format(group, ExportFormat.JSON, "formatJson",
                        "JSON: every field the hashes cover; verifiable on its own (waiver audit verify --export)"),
                format(group, ExportFormat.HTML, "formatHtml", "HTML: a self-contained report for people"));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.formatProperty().set((ExportFormat) now.getUserData());
            }
        });
        Runnable select = () -> group.getToggles().stream()
                .filter(t -> t.getUserData() == vm.formatProperty().get()).findFirst().ifPresent(t -> t.setSelected(true));
        vm.formatProperty().addListener((obs, old, now) -> select.run());
        select.run();

        var destination = new TextField();
        destination.setId("exportDestination");
        destination.setPrefColumnCount(40);
        destination.textProperty().bindBidirectional(vm.destinationProperty());
        HBox.setHgrow(destination, Priority.ALWAYS);
        var choose = new Button("Choose…", Icons.OPEN_FOLDER.node());
        choose.setId("chooseExportDestination");
        choose.setOnAction(e -> vm.chooseDestination());
        var where = new HBox(6, destination, choose);
        where.setAlignment(Pos.CENTER_LEFT);

        var spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        var result = outcome("exportResult", "export-result", vm.resultProperty());
        var headLabel = new Label("Head hash (note it: a copy is checked against it later)");
        headLabel.getStyleClass().add("detail-muted");
        var head = new TextField();
        head.setId("exportHead");
        head.setEditable(false);
        head.getStyleClass().add("export-head");
        head.textProperty().bind(vm.headProperty());
        var headBox = new VBox(2, headLabel, head);
        headBox.visibleProperty().bind(vm.headProperty().isNotEmpty());
        headBox.managedProperty().bind(headBox.visibleProperty());
        var warning = outcome("exportWarning", "form-problem", vm.warningProperty());
        var problem = outcome("exportProblem", "error-banner", vm.problemProperty());

        var working = new Label("Exporting…", spinner);
        working.visibleProperty().bind(vm.busyProperty());
        working.managedProperty().bind(working.visibleProperty());
        var content = new VBox(8, heading("Format"), formats, heading("Destination"), where, working, result, headBox,
                warning, problem);
        content.setPrefWidth(CONTENT_WIDTH);
        return content;
    }

    private static RadioButton format(ToggleGroup group, ExportFormat format, String id, String text) {
        var button = new RadioButton(text);
        button.setId(id);
        button.setUserData(format);
        button.setToggleGroup(group);
        return button;
    }

    private static Label outcome(String id, String style, javafx.beans.value.ObservableStringValue text) {
        var label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        // A fixed width lets the dialog work out how many lines a long path takes before it resizes.
        label.setPrefWidth(CONTENT_WIDTH);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Label heading(String text) {
        var label = new Label(text.toUpperCase(java.util.Locale.ROOT));
        label.getStyleClass().add("detail-section-title");
        return label;
    }
}
