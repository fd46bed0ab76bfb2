package dev.waiver.app.compliance;

import dev.waiver.app.ui.CheckComboBinding;
import dev.waiver.app.ui.CounterButton;
import dev.waiver.app.ui.Icons;
import dev.waiver.app.ui.StatusCell;
import dev.waiver.app.ui.TableSelection;
import dev.waiver.engine.evaluation.RuleStatus;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/// The Compliance screen: run bar (re-run, cancel, progress, what the results are), result counters that
/// double as quick filters, the policy / rule / namespace / kind filters, the results table, and below it
/// the selected result ([ResultDetailView]). Binds to [ComplianceViewModel] and its [ResultFilterViewModel],
/// and for the table's "Request exception…" to [ResultDetailViewModel]; evaluates when shown
/// ([ComplianceViewModel#activate()]).
public final class ComplianceScreen extends BorderPane {

    private final ComplianceViewModel viewModel;
    private final ResultFilterViewModel filters;
    private final ResultDetailViewModel detail;
    private final TableView<ResultRow> table = new TableView<>();

    public ComplianceScreen(ComplianceViewModel viewModel, ResultDetailViewModel detail) {
        this.viewModel = viewModel;
        this.filters = viewModel.filters();
        this.detail = detail;
        setId("complianceScreen");
        getStyleClass().add("compliance-screen");
        setTop(new VBox(runBar(), counters(), filters(), errorBanner()));
        var split = new SplitPane(table(), new ResultDetailView(detail));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        setCenter(split);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                viewModel.activate();
            } else {
                viewModel.deactivate();
            }
        });
    }

    private Node runBar() {
        var rerun = new Button("Re-run", Icons.RUN.node());
        rerun.setId("runComplianceButton");
        rerun.setTooltip(new Tooltip("Evaluate the workspace's policies on its resources again"));
        rerun.disableProperty().bind(viewModel.canRunProperty().not());
        rerun.setOnAction(e -> viewModel.run());

        var cancel = new Button("Cancel", Icons.CANCEL.node());
        cancel.setId("cancelComplianceButton");
        cancel.setTooltip(new Tooltip("Stop this run and keep the results shown before it"));
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());

        var progress = new ProgressBar();
        progress.setId("complianceProgress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        var progressText = new Label();
        progressText.setId("complianceProgressText");
        progressText.getStyleClass().add("detail-muted");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        progressText.visibleProperty().bind(viewModel.runningProperty());
        progressText.managedProperty().bind(progressText.visibleProperty());

        var summary = new Label();
        summary.setId("complianceSummary");
        summary.getStyleClass().add("compliance-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setMinWidth(0);
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);

        // The buttons and the progress keep their size; a long summary is the one to shorten.
        for (Region fixed : List.of(rerun, cancel, progress, progressText)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        var bar = new HBox(8, rerun, cancel, progress, progressText, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("compliance-run-bar");
        return bar;
    }

    private FlowPane counters() {
        var bar = new FlowPane(6, 6);
        bar.getStyleClass().add("counter-bar");
        var all = counter("All", "resultCount-ALL", filters.matchingAnyProperty(), null);
        all.setOnAction(e -> filters.showAllResults());
        bar.getChildren().add(all);
        for (RuleStatus status : RuleStatus.values()) {
            ResultStyle style = ResultStyle.of(status);
            var button = counter(style.label(), "resultCount-" + status.name(), filters.countProperty(status), style);
            button.setUserData(status);
            button.setOnAction(e -> filters.toggleResult(status));
            bar.getChildren().add(button);
        }
        var hidden = counter("of which hidden failures", "resultCount-HIDDEN", filters.hiddenFailuresProperty(),
                ResultStyle.FAIL);
        hidden.getStyleClass().add("hidden-failures-counter");
        hidden.setTooltip(new Tooltip("Skips caused by an exception where the resource would fail without it"
                + " (click to show only those)"));
        hidden.setOnAction(e -> filters.hiddenFailuresOnlyProperty().set(!filters.hiddenFailuresOnlyProperty().get()));
        bar.getChildren().add(hidden);
        Runnable sync = () -> {
            var chosen = filters.resultFilterProperty().get();
            boolean hiddenOnly = filters.hiddenFailuresOnlyProperty().get();
            all.setSelected(chosen.isEmpty() && !hiddenOnly);
            hidden.setSelected(hiddenOnly);
            bar.getChildren().forEach(node -> {
                if (node.getUserData() instanceof RuleStatus status) {
                    ((ToggleButton) node).setSelected(chosen.contains(status));
                }
            });
        };
        filters.resultFilterProperty().addListener((obs, old, now) -> sync.run());
        filters.hiddenFailuresOnlyProperty().addListener((obs, old, now) -> sync.run());
        // A click toggles the button before its action runs; re-sync after so it always mirrors the filter.
        bar.getChildren().forEach(node -> ((ToggleButton) node).selectedProperty()
                .addListener((obs, old, now) -> sync.run()));
        sync.run();
        return bar;
    }

    private static ToggleButton counter(String label, String id, ObservableIntegerValue count, ResultStyle style) {
        return style == null ? CounterButton.of(label, id, count, null, "Show every result")
                : CounterButton.of(label, id, count, style.styleClass(), "Show only " + label + " (click again to remove)");
    }

    private HBox filters() {
        var policies = combo("resultPolicyFilter");
        CheckComboBinding.bind(policies, filters.availablePolicies(), filters.policyFilterProperty(), "Policy");
        var rules = combo("resultRuleFilter");
        CheckComboBinding.bind(rules, filters.availableRules(), filters.ruleFilterProperty(), "Rule");
        var namespaces = combo("resultNamespaceFilter");
        CheckComboBinding.bind(namespaces, filters.availableNamespaces(), filters.namespaceFilterProperty(), "Namespace");
        var kinds = combo("resultKindFilter");
        CheckComboBinding.bind(kinds, filters.availableKinds(), filters.kindFilterProperty(), "Kind");

        var clear = new Button("Clear filters", Icons.CLEAR_FILTERS.node());
        clear.setId("clearResultFiltersButton");
        clear.setOnAction(e -> filters.clearFilters());
        clear.setMinWidth(Region.USE_PREF_SIZE);

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var shown = new Label();
        shown.setId("resultRowCount");
        shown.getStyleClass().add("detail-muted");
        shown.setMinWidth(Region.USE_PREF_SIZE);
        shown.textProperty().bind(Bindings.format("%d shown / %d results", viewModel.shownCountProperty(),
                viewModel.totalCountProperty()));

        var bar = new HBox(8, policies, rules, namespaces, kinds, clear, spacer, shown);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private static CheckComboBox<String> combo(String id) {
        var combo = new CheckComboBox<String>();
        combo.setId(id);
        // Sized by the title, not by the longest policy or rule name, so the row fits the default window.
        combo.setPrefWidth(190);
        combo.setMinWidth(110);
        return combo;
    }

    private Label errorBanner() {
        var banner = new Label(null, Icons.LOAD_PROBLEM.node());
        banner.setId("complianceError");
        banner.getStyleClass().add("error-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(Bindings.concat("Could not evaluate the workspace: ", viewModel.errorMessageProperty()));
        banner.visibleProperty().bind(viewModel.errorMessageProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private TableView<ResultRow> table() {
        table.setId("resultsTable");
        table.getStyleClass().addAll("register-table", "results-table");
        table.setItems(viewModel.rows());
        table.getColumns().setAll(List.of(
                column("Result", "colResult", 92, 92, ResultRow.BY_RESULT, () -> new StatusCell<ResultRow>(row -> ResultStyle.of(row.status()))),
                text("Policy", "colResPolicy", 190, 110, ResultRow.BY_POLICY, ResultRow::policy),
                text("Rule", "colResRule", 170, 100, ResultRow.BY_RULE, ResultRow::rule),
                text("Kind", "colResKind", 100, 95, ResultRow.BY_KIND, ResultRow::kind),
                text("Namespace", "colResNamespace", 110, 80, ResultRow.BY_NAMESPACE, ResultRow::namespace),
                text("Name", "colResName", 160, 90, ResultRow.BY_NAME, ResultRow::name),
                text("Message", "colResMessage", 240, 120, ResultRow.BY_MESSAGE, ResultRow::message),
                text("Excepted by", "colResExceptedBy", 240, 100, ResultRow.BY_EXCEPTED_BY, ResultRow::exceptedBy),
                column("Hidden result", "colResHidden", 110, 110, ResultRow.BY_HIDDEN, ResultCells.Hidden::new)));
        hint(table.getColumns().getLast(), "What a Skip would be without its exception");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setTableMenuButtonVisible(true);
        // As in the register: sorting hands the ViewModel's SortedList a comparator built from the columns' own.
        table.setSortPolicy(t -> {
            viewModel.comparatorProperty().set(sortComparator());
            return true;
        });
        var placeholder = new Label();
        placeholder.setId("complianceEmpty");
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(560);
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        table.setPlaceholder(placeholder);
        TableSelection.bind(table, viewModel.selectedRowProperty());
        var request = new MenuItem("Request exception…", Icons.REQUEST.node());
        request.setId("requestExceptionMenuItem");
        request.disableProperty().bind(detail.canRequestProperty().not());
        request.setOnAction(e -> detail.requestException());
        table.setContextMenu(new ContextMenu(request));
        return table;
    }

    /// A header tooltip: a column's short title with its longer meaning.
    private static void hint(TableColumn<ResultRow, ?> column, String text) {
        var title = new Label(column.getText());
        title.setTooltip(new Tooltip(text));
        column.setText(null);
        column.setGraphic(title);
    }

    private Comparator<ResultRow> sortComparator() {
        Comparator<ResultRow> order = null;
        for (TableColumn<ResultRow, ?> column : table.getSortOrder()) {
            @SuppressWarnings("unchecked")
            var byColumn = (Comparator<ResultRow>) column.getComparator();
            var directed = column.getSortType() == TableColumn.SortType.DESCENDING ? byColumn.reversed() : byColumn;
            order = order == null ? directed : order.thenComparing(directed);
        }
        return order;
    }

    private static TableColumn<ResultRow, ResultRow> text(String title, String id, double width, double min,
            Comparator<ResultRow> order, Function<ResultRow, String> field) {
        return column(title, id, width, min, order, () -> new ResultCells.Text(field));
    }

    private static TableColumn<ResultRow, ResultRow> column(String title, String id, double width, double min,
            Comparator<ResultRow> order, Supplier<TableCell<ResultRow, ResultRow>> cell) {
        var column = new TableColumn<ResultRow, ResultRow>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(min);
        column.setComparator(order);
        column.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(features.getValue()));
        column.setCellFactory(c -> cell.get());
        return column;
    }
}
