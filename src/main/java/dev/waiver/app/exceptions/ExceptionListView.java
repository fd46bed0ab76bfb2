package dev.waiver.app.exceptions;

import dev.waiver.app.ui.CheckComboBinding;
import dev.waiver.app.ui.CounterButton;
import dev.waiver.app.ui.Icons;
import dev.waiver.app.ui.StatusCell;
import dev.waiver.app.ui.StatusStyle;
import dev.waiver.app.ui.TableSelection;
import dev.waiver.engine.exemption.ExemptionStatus;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

/// The register: status counters that double as quick filters, the check-type, namespace, context and
/// text filters, and the sortable table. Binds to [ExceptionListViewModel] and holds no logic.
///
/// The context filter and column appear only while the register merges several kubeconfig contexts.
public final class ExceptionListView extends BorderPane {

    private final ExceptionListViewModel viewModel;
    private final CustomTextField searchField = (CustomTextField) TextFields.createClearableTextField();
    private final TableView<ExceptionRow> table = new TableView<>();

    public ExceptionListView(ExceptionListViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("exception-list");
        setTop(new VBox(counters(), filters(), errorBanner()));
        setCenter(table());
    }

    /// Moves the keyboard focus to the search field (Ctrl+F).
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    private FlowPane counters() {
        var bar = new FlowPane(6, 6);
        bar.getStyleClass().add("counter-bar");
        var all = counter("All", "counter-ALL", viewModel.matchingAnyStatusProperty(), null);
        all.setOnAction(e -> viewModel.showAllStatuses());
        bar.getChildren().add(all);
        for (ExemptionStatus status : ExemptionStatus.values()) {
            var button = counter(status.label(), "counter-" + status.name(), viewModel.countProperty(status),
                    StatusStyle.of(status));
            button.setOnAction(e -> viewModel.toggleStatus(status));
            bar.getChildren().add(button);
        }
        Runnable sync = () -> bar.getChildren().forEach(node -> {
            var toggle = (ToggleButton) node;
            var status = (ExemptionStatus) toggle.getUserData();
            var chosen = viewModel.statusFilterProperty().get();
            toggle.setSelected(status == null ? chosen.isEmpty() : chosen.contains(status));
        });
        viewModel.statusFilterProperty().addListener((obs, old, now) -> sync.run());
        // A click toggles the button before its action runs; re-sync after so it always mirrors the filter.
        bar.getChildren().forEach(node -> ((ToggleButton) node).selectedProperty()
                .addListener((obs, old, now) -> sync.run()));
        sync.run();
        return bar;
    }

    private ToggleButton counter(String label, String id, ObservableIntegerValue count, StatusStyle style) {
        if (style == null) {
            return CounterButton.of(label, id, count, null, "Show every status");
        }
        var button = CounterButton.of(label, id, count, style.styleClass(), "Show only " + label + " (click again to remove)");
        button.setUserData(style.status());
        return button;
    }

    private HBox filters() {
        searchField.setId("searchField");
        searchField.setPromptText("Search name, policy, rule, requestor, ticket…");
        searchField.setTooltip(new Tooltip("Every word must appear in the name, namespace, policy, rule, "
                + "matched names, requestor, ticket or reason (Ctrl+F)"));
        searchField.setLeft(Icons.SEARCH.node());
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        HBox.setHgrow(searchField, Priority.ALWAYS);
        searchField.setMaxWidth(520);

        var checkTypes = new CheckComboBox<String>();
        checkTypes.setId("checkTypeFilter");
        CheckComboBinding.bind(checkTypes, viewModel.availableCheckTypes(), viewModel.checkTypeFilterProperty(), "Check type");

        var namespaces = new CheckComboBox<String>();
        namespaces.setId("namespaceFilter");
        CheckComboBinding.bind(namespaces, viewModel.availableNamespaces(), viewModel.namespaceFilterProperty(), "Namespace");

        var contexts = new CheckComboBox<String>();
        contexts.setId("contextFilter");
        CheckComboBinding.bind(contexts, viewModel.availableContexts(), viewModel.contextFilterProperty(), "Context");
        contexts.visibleProperty().bind(viewModel.severalContextsProperty());
        contexts.managedProperty().bind(contexts.visibleProperty());

        var clear = new Button("Clear filters", Icons.CLEAR_FILTERS.node());
        clear.setId("clearFiltersButton");
        clear.setOnAction(e -> viewModel.clearFilters());

        var bar = new HBox(8, searchField, checkTypes, namespaces, contexts, clear);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private Label errorBanner() {
        var banner = new Label(null, Icons.LOAD_PROBLEM.node());
        banner.setId("loadError");
        banner.getStyleClass().add("error-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(Bindings.concat("Could not load the workspace: ", viewModel.errorMessageProperty()));
        banner.visibleProperty().bind(viewModel.errorMessageProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private TableView<ExceptionRow> table() {
        table.setId("exceptionTable");
        table.getStyleClass().add("register-table");
        table.setItems(viewModel.rows());
        table.getColumns().setAll(java.util.List.of(
                column("Status", "colStatus", 118, 118, ExceptionRow.BY_STATUS, () -> new StatusCell<ExceptionRow>(row -> StatusStyle.of(row.status()))),
                text("Name", "colName", 210, 170, ExceptionRow.BY_NAME, ExceptionRow::name),
                text("Namespace", "colNamespace", 110, 80, ExceptionRow.BY_NAMESPACE, ExceptionRow::namespace),
                text("Policy / rules", "colChecks", 200, 110, ExceptionRow.BY_CHECKS, ExceptionRow::checks),
                text("Check type", "colCheckType", 150, 90, ExceptionRow.BY_CHECK_TYPE, ExceptionRow::checkType),
                text("Matches", "colMatches", 170, 90, ExceptionRow.BY_MATCHES, ExceptionRow::matches),
                text("Requestor", "colRequestor", 150, 90, ExceptionRow.BY_REQUESTOR, ExceptionRow::requestor),
                column("Expires", "colExpires", 200, 200, ExceptionRow.BY_EXPIRES, ExceptionCells.Expires::new),
                column("Findings", "colFindings", 80, 80, ExceptionRow.BY_FINDINGS, ExceptionCells.Findings::new)));
        // Every column stays in view: status, expiry and findings keep their width (they matter most), the
        // text columns share the rest and truncate with an ellipsis; the detail pane shows the full text.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // Added and removed rather than hidden: the table menu's visibility toggles could not set a bound
        // `visible`, and a folder's register should not list an always-empty column there either.
        var context = text("Context", "colContext", 120, 80, ExceptionRow.BY_CONTEXT, ExceptionRow::context);
        Runnable placeContext = () -> {
            if (viewModel.severalContextsProperty().get()) {
                if (!table.getColumns().contains(context)) {
                    table.getColumns().add(1, context);
                }
            } else {
                table.getColumns().remove(context);
            }
        };
        viewModel.severalContextsProperty().addListener((obs, old, now) -> placeContext.run());
        placeContext.run();
        table.setTableMenuButtonVisible(true);
        // The rows are a view over the ViewModel's SortedList: sorting means handing it a comparator. It is
        // built from the columns' own row comparators rather than taken from the table, whose comparator
        // looks each cell value up through the column on every comparison (100k rows: seconds, not ms).
        // The sort policy is the hook: the table calls it on every header click, inside its own sort.
        table.setSortPolicy(t -> {
            viewModel.comparatorProperty().set(sortComparator());
            return true;
        });
        table.setPlaceholder(placeholder());
        TableSelection.bind(table, viewModel.selectedRowProperty());
        return table;
    }

    private Comparator<ExceptionRow> sortComparator() {
        Comparator<ExceptionRow> order = null;
        for (TableColumn<ExceptionRow, ?> column : table.getSortOrder()) {
            @SuppressWarnings("unchecked")
            var byColumn = (Comparator<ExceptionRow>) column.getComparator();
            var directed = column.getSortType() == TableColumn.SortType.DESCENDING ? byColumn.reversed() : byColumn;
            order = order == null ? directed : order.thenComparing(directed);
        }
        return order;
    }

    private Label placeholder() {
        var label = new Label();
        label.getStyleClass().add("table-placeholder");
        label.textProperty().bind(Bindings.when(viewModel.loadingProperty()).then("Loading…")
                .otherwise(Bindings.when(viewModel.totalCountProperty().isEqualTo(0))
                        .then("No exceptions in this workspace")
                        .otherwise("No exception matches these filters")));
        return label;
    }

    private static TableColumn<ExceptionRow, ExceptionRow> text(String title, String id, double width, double min,
            Comparator<ExceptionRow> order, Function<ExceptionRow, String> field) {
        return column(title, id, width, min, order, () -> new ExceptionCells.Text(field));
    }

    private static TableColumn<ExceptionRow, ExceptionRow> column(String title, String id, double width, double min,
            Comparator<ExceptionRow> order, Supplier<TableCell<ExceptionRow, ExceptionRow>> cell) {
        var column = new TableColumn<ExceptionRow, ExceptionRow>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(min);
        column.setComparator(order);
        column.setCellValueFactory(features -> features.getValue().asValue());
        column.setCellFactory(c -> cell.get());
        return column;
    }
}
