package dev.waiver.app.auditview;

import static dev.waiver.app.ui.DetailSections.row;
import static dev.waiver.app.ui.DetailSections.section;

import dev.waiver.app.ui.Icons;
import dev.waiver.engine.tree.TreeDiff;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/// The selected entry: its facts on the left; on the right the exception before and after it, side by side
/// field by field with what changed marked (added in green on the after side, removed in red on the before
/// side, changed on both), or as the recorded YAML. Binds to [AuditEntryViewModel].
final class AuditEntryView extends StackPane {

    private static final List<String> DIFF_CLASSES = List.of("diff-old", "diff-new", "diff-path-changed");

    private final AuditEntryViewModel viewModel;

    AuditEntryView(AuditEntryViewModel viewModel) {
        this.viewModel = viewModel;
        setId("auditEntryPane");
        getStyleClass().add("detail-pane");
        var split = new SplitPane(facts(), comparison());
        split.setDividerPositions(0.3);
        split.visibleProperty().bind(viewModel.presentProperty());
        var empty = new Label("Select an entry to see what it changed", Icons.AUDIT.node());
        empty.getStyleClass().add("detail-empty");
        empty.visibleProperty().bind(viewModel.presentProperty().not());
        getChildren().addAll(split, empty);
    }

    private Node facts() {
        var title = new Label();
        title.setId("entryTitle");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        title.textProperty().bind(viewModel.titleProperty());
        var vm = viewModel;
        var chain = section("Chain",
                row("Hash", "entryHash", vm.hashProperty()),
                row("Previous hash", "entryPreviousHash", vm.previousHashProperty()));
        chain.getStyleClass().add("audit-hashes");
        var fields = new VBox(12, title,
                section("Entry",
                        row("Time", "entryTime", vm.timeProperty()),
                        row("Actor", "entryActor", vm.actorProperty()),
                        row("Action", "entryAction", vm.actionProperty()),
                        row("Exception", "entryException", vm.exemptionIdProperty()),
                        row("Context", "entryContext", vm.contextProperty()),
                        row("Comment", "entryComment", vm.commentProperty())),
                chain);
        fields.getStyleClass().add("detail-fields");
        var scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("detail-scroll");
        scroll.setMinWidth(260);
        return scroll;
    }

    private Node comparison() {
        var summary = new Label();
        summary.setId("diffSummary");
        summary.getStyleClass().add("diff-summary");
        summary.textProperty().bind(viewModel.diffSummaryProperty());
        var changesOnly = new CheckBox("Changed fields only");
        changesOnly.setId("changesOnlyToggle");
        changesOnly.selectedProperty().bindBidirectional(viewModel.changesOnlyProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var heading = new Label("BEFORE AND AFTER");
        heading.getStyleClass().add("detail-section-title");
        var header = new HBox(10, new VBox(4, heading, summary), spacer, changesOnly);
        header.setAlignment(Pos.BOTTOM_LEFT);

        var fieldsTab = new Tab("Fields", diffTable());
        fieldsTab.setId("diffFieldsTab");
        var yamlTab = new Tab("YAML", yaml());
        yamlTab.setId("diffYamlTab");
        var tabs = new TabPane(fieldsTab, yamlTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("diff-tabs");
        var pane = new BorderPane(tabs);
        pane.setTop(header);
        pane.getStyleClass().add("diff-pane");
        return pane;
    }

    private TableView<TreeDiff.Field> diffTable() {
        var table = new TableView<>(viewModel.fields());
        table.setId("diffTable");
        table.getStyleClass().addAll("register-table", "diff-table");
        table.getColumns().setAll(List.of(
                column("Field", "colDiffField", 320, TreeDiff.Field::path, DiffSide.PATH),
                column("Before", "colDiffBefore", 300, f -> f.before().orElse(""), DiffSide.BEFORE),
                column("After", "colDiffAfter", 300, f -> f.after().orElse(""), DiffSide.AFTER)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TreeDiff.Field field, boolean empty) {
                super.updateItem(field, empty);
                getStyleClass().removeAll("diff-row-added", "diff-row-removed", "diff-row-changed");
                if (!empty && field != null && field.changed()) {
                    getStyleClass().add("diff-row-" + field.change().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        // The change is what a reader came for: bring the first changed field into view.
        viewModel.fields().addListener((javafx.collections.ListChangeListener<TreeDiff.Field>) change -> {
            int first = 0;
            while (first < table.getItems().size() && !table.getItems().get(first).changed()) {
                first++;
            }
            table.scrollTo(first < table.getItems().size() ? Math.max(0, first - 2) : 0);
        });
        var placeholder = new Label("Nothing recorded");
        placeholder.getStyleClass().add("table-placeholder");
        table.setPlaceholder(placeholder);
        return table;
    }

    private enum DiffSide { PATH, BEFORE, AFTER }

    /// A column whose cells are marked by how their field changed: the old value red, the new one green.
    private static TableColumn<TreeDiff.Field, String> column(String title, String id, double width,
                                                               Function<TreeDiff.Field, String> text, DiffSide side) {
        var column = new TableColumn<TreeDiff.Field, String>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(f -> new SimpleStringProperty(oneLine(text.apply(f.getValue()))));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeAll(DIFF_CLASSES);
                TreeDiff.Field field = empty ? null : getTableRow().getItem();
                setText(empty ? null : value);
                setTooltip(null);
                if (field == null) {
                    return;
                }
                var change = field.change();
                Optional<String> mark = switch (side) {
                    case PATH -> field.changed() ? Optional.of("diff-path-changed") : Optional.empty();
                    case BEFORE -> change == TreeDiff.Change.REMOVED || change == TreeDiff.Change.CHANGED
                            ? Optional.of("diff-old") : Optional.empty();
                    case AFTER -> change == TreeDiff.Change.ADDED || change == TreeDiff.Change.CHANGED
                            ? Optional.of("diff-new") : Optional.empty();
                };
                mark.ifPresent(getStyleClass()::add);
                String whole = text.apply(field);
                if (whole.length() > 40 || whole.contains("\n")) {
                    setTooltip(new javafx.scene.control.Tooltip(whole));
                }
            }
        });
        return column;
    }

    private Node yaml() {
        var box = new HBox(8, yamlSide("Before", "beforeYaml", viewModel.beforeYamlProperty()),
                yamlSide("After", "afterYaml", viewModel.afterYamlProperty()));
        box.getStyleClass().add("diff-yaml");
        return box;
    }

    private static Node yamlSide(String title, String id, ObservableStringValue text) {
        var area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("yaml-view");
        area.textProperty().bind(text);
        area.setPromptText("(nothing recorded)");
        VBox.setVgrow(area, Priority.ALWAYS);
        var heading = new Label(title.toUpperCase(java.util.Locale.ROOT));
        heading.getStyleClass().add("detail-section-title");
        var side = new VBox(4, heading, area);
        HBox.setHgrow(side, Priority.ALWAYS);
        side.setMaxWidth(Double.MAX_VALUE);
        side.setPrefWidth(0);
        return side;
    }

    /// A multi-line value on one table line; the tooltip shows it whole.
    private static String oneLine(String text) {
        return text.replaceAll("\\R", " ⏎ ");
    }
}
