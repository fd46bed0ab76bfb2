package dev.waiver.app.clusters;

import dev.waiver.app.ui.Icons;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/// The Clusters screen: the kubeconfig's contexts with a checkbox each, the current one marked, and each
/// one's state in the register; Connect opens the chosen ones. Binds to [ClustersViewModel].
public final class ClustersScreen extends BorderPane {

    private final ClustersViewModel viewModel;

    public ClustersScreen(ClustersViewModel viewModel) {
        this.viewModel = viewModel;
        setId("clustersScreen");
        getStyleClass().add("clusters-screen");
        setTop(new VBox(toolbar(), problemBanner()));
        setCenter(table());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                viewModel.activate();
            }
        });
    }

    private HBox toolbar() {
        var kubeconfig = new Label();
        kubeconfig.setId("kubeconfigPath");
        kubeconfig.getStyleClass().add("detail-muted");
        kubeconfig.textProperty().bind(viewModel.kubeconfigTextProperty());
        kubeconfig.setMinWidth(0);
        var spinner = new ProgressIndicator();
        spinner.getStyleClass().add("toolbar-spinner");
        spinner.visibleProperty().bind(viewModel.readingProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var reload = new Button("Reload kubeconfig", Icons.RELOAD.node());
        reload.setId("reloadKubeconfigButton");
        reload.setTooltip(new Tooltip("Read the kubeconfig again"));
        reload.disableProperty().bind(viewModel.readingProperty());
        reload.setOnAction(e -> viewModel.refresh());
        var connect = new Button("Connect", Icons.CLUSTERS.node());
        connect.setId("connectButton");
        connect.getStyleClass().add("connect-button");
        connect.setTooltip(new Tooltip("Show the chosen contexts' exceptions as the register, kept up to date"));
        connect.disableProperty().bind(viewModel.canConnectProperty().not());
        connect.setOnAction(e -> viewModel.connect());
        var bar = new HBox(8, kubeconfig, spinner, spacer, reload, connect);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("filter-bar", "clusters-toolbar");
        return bar;
    }

    private Label problemBanner() {
        var banner = new Label(null, Icons.LOAD_PROBLEM.node());
        banner.setId("kubeconfigProblem");
        banner.getStyleClass().add("error-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(viewModel.problemProperty());
        banner.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private TableView<ContextRow> table() {
        var table = new TableView<>(viewModel.rows());
        table.setId("contextTable");
        table.getStyleClass().addAll("register-table", "context-table");
        table.getColumns().setAll(java.util.List.of(
                selectColumn(),
                column("Context", "colContext", 180, 120, NameCell::new),
                column("Server", "colServer", 220, 120, () -> new TextCell(ContextRow::server)),
                column("User", "colUser", 130, 80, () -> new TextCell(ContextRow::user)),
                column("Namespace", "colContextNamespace", 110, 80, () -> new TextCell(ContextRow::namespace)),
                column("State", "colState", 520, 200, StateCell::new)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        var placeholder = new Label();
        placeholder.setId("contextsPlaceholder");
        placeholder.getStyleClass().addAll("table-placeholder", "clusters-empty");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(560);
        placeholder.textProperty().bind(viewModel.emptyTextProperty());
        table.setPlaceholder(placeholder);
        // A state that now wraps onto more lines needs a taller row: the table measures rows only when it
        // makes their cells, so make them again (a handful of contexts: cheap).
        viewModel.rows().addListener((javafx.collections.ListChangeListener<ContextRow>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    table.refresh();
                    return;
                }
            }
        });
        return table;
    }

    private TableColumn<ContextRow, ContextRow> selectColumn() {
        var all = new CheckBox();
        all.setId("selectAllContexts");
        all.setTooltip(new Tooltip("Choose every context"));
        all.setSelected(viewModel.allSelectedProperty().get());
        viewModel.allSelectedProperty().addListener((obs, old, now) -> all.setSelected(now));
        all.setOnAction(e -> viewModel.selectAll(all.isSelected()));
        var column = column("", "colSelect", 36, 36, SelectCell::new);
        column.setGraphic(all);
        column.setMaxWidth(36);
        column.setSortable(false);
        return column;
    }

    private static TableColumn<ContextRow, ContextRow> column(String title, String id, double width, double min,
                                                             java.util.function.Supplier<TableCell<ContextRow, ContextRow>> cell) {
        var column = new TableColumn<ContextRow, ContextRow>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(min);
        column.setSortable(false);
        column.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(features.getValue()));
        column.setCellFactory(c -> cell.get());
        return column;
    }

    /// The checkbox, bound both ways to the row's choice; `#select-<context>` for tests.
    private static final class SelectCell extends TableCell<ContextRow, ContextRow> {
        private final CheckBox box = new CheckBox();
        private ContextRow bound;

        SelectCell() {
            box.getStyleClass().add("context-select");
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(ContextRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.selectedProperty());
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bound = row;
            box.setId("select-" + row.name());
            box.selectedProperty().bindBidirectional(row.selectedProperty());
            setGraphic(box);
        }
    }

    /// The context's name, and a `current` tag on the kubeconfig's current context.
    private static final class NameCell extends TableCell<ContextRow, ContextRow> {
        @Override
        protected void updateItem(ContextRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            var name = new Label(row.name());
            name.getStyleClass().add("context-name");
            var box = new HBox(6, name);
            box.setAlignment(Pos.CENTER_LEFT);
            if (row.current()) {
                var tag = new Label("current");
                tag.getStyleClass().add("context-current-tag");
                tag.setTooltip(new Tooltip("The kubeconfig's current context"));
                box.getChildren().add(tag);
            }
            setText(null);
            setGraphic(box);
        }
    }

    private static final class TextCell extends TableCell<ContextRow, ContextRow> {
        private final Function<ContextRow, String> field;

        TextCell(Function<ContextRow, String> field) {
            this.field = field;
        }

        @Override
        protected void updateItem(ContextRow row, boolean empty) {
            super.updateItem(row, empty);
            String text = empty || row == null ? null : field.apply(row);
            setText(text);
            setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
        }
    }

    /// A dot in the state's colour and the state in words, wrapped to the column (a failure's reason is
    /// the point of the row, so it does not end in an ellipsis); `#state-<context>`. A Text node, because
    /// a row measures its cells without a width and a wrapping label would then claim one line.
    private static final class StateCell extends TableCell<ContextRow, ContextRow> {
        private final Region dot = new Region();
        private final Text text = new Text();
        private final HBox box = new HBox(8, dot, text);
        private final javafx.beans.value.ChangeListener<ContextRow.Tone> toneListener = (obs, old, now) -> tone(now);
        private ContextRow bound;

        StateCell() {
            dot.getStyleClass().add("context-state-dot");
            text.getStyleClass().add("context-state-text");
            box.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("context-state");
            tableColumnProperty().addListener((obs, old, column) -> {
                text.wrappingWidthProperty().unbind();
                if (column != null) {
                    text.wrappingWidthProperty().bind(Bindings.max(80, column.widthProperty().subtract(44)));
                }
            });
        }

        @Override
        protected void updateItem(ContextRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                bound.toneProperty().removeListener(toneListener);
                text.textProperty().unbind();
                tooltipProperty().unbind();
                bound = null;
            }
            setText(null);
            if (empty || row == null) {
                text.setId(null);
                setTooltip(null);
                setGraphic(null);
                return;
            }
            bound = row;
            text.setId("state-" + row.name());
            text.textProperty().bind(row.stateProperty());
            tooltipProperty().bind(Bindings.createObjectBinding(
                    () -> row.stateProperty().get().isEmpty() ? null : new Tooltip(row.stateProperty().get()),
                    row.stateProperty()));
            row.toneProperty().addListener(toneListener);
            tone(row.toneProperty().get());
            setGraphic(box);
        }

        private void tone(ContextRow.Tone tone) {
            getStyleClass().removeIf(c -> c.startsWith("context-state-"));
            getStyleClass().add("context-state-" + tone.name().toLowerCase(Locale.ROOT));
        }
    }
}
