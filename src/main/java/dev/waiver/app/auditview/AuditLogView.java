package dev.waiver.app.auditview;

import dev.waiver.app.ui.Icons;
import dev.waiver.app.ui.TableSelection;
import dev.waiver.engine.audit.AuditAction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/// The Log tab: the filters, the entries newest first, and below them the selected entry. Binds to
/// [AuditLogViewModel] and holds no logic.
final class AuditLogView extends BorderPane {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final AuditLogViewModel viewModel;

    AuditLogView(AuditLogViewModel viewModel, AuditEntryViewModel entry) {
        this.viewModel = viewModel;
        getStyleClass().add("audit-log");
        setTop(filters());
        var split = new SplitPane(table(), new AuditEntryView(entry));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        setCenter(split);
    }

    private HBox filters() {
        var actor = choice("actorFilter", "Any actor", viewModel.actors());
        actor.valueProperty().bindBidirectional(viewModel.actorProperty());
        var action = choice("actionFilter", "Any action", FXCollections.observableArrayList(
                java.util.Arrays.stream(AuditAction.values()).map(a -> a.name().toLowerCase(Locale.ROOT)).toList()));
        Bindings.bindBidirectional(action.valueProperty(), viewModel.actionProperty(), new StringConverter<>() {
            @Override
            public String toString(AuditAction value) {
                return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public AuditAction fromString(String text) {
                return text == null || text.isEmpty() ? null : AuditAction.valueOf(text.toUpperCase(Locale.ROOT));
            }
        });
        var exemption = choice("exemptionFilter", "Any exception", viewModel.exemptionIds());
        exemption.valueProperty().bindBidirectional(viewModel.exemptionIdProperty());
        var from = date("fromDate", "From (UTC)");
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        var to = date("toDate", "To (UTC)");
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        var clear = new Button(null, Icons.CLEAR_FILTERS.node());
        clear.setId("clearAuditFilters");
        clear.setTooltip(new Tooltip("Clear the filters"));
        clear.setOnAction(e -> viewModel.clearFilters());
        var summary = new Label();
        summary.setId("auditSummary");
        summary.getStyleClass().add("detail-muted");
        summary.textProperty().bind(viewModel.summaryProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(8, actor, action, exemption, from, new Label("–"), to, clear, spacer, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    /// A choice of the values the log holds, and "" for any (shown as `any`).
    private static ComboBox<String> choice(String id, String any, ObservableList<String> values) {
        var items = FXCollections.<String>observableArrayList();
        Runnable sync = () -> {
            var all = new ArrayList<String>();
            all.add("");
            all.addAll(values);
            items.setAll(all);
        };
        values.addListener((javafx.collections.ListChangeListener<String>) change -> sync.run());
        sync.run();
        var box = new ComboBox<>(items);
        box.setId(id);
        box.setPromptText(any);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? any : value;
            }

            @Override
            public String fromString(String text) {
                return text == null || text.equals(any) ? "" : text;
            }
        });
        box.setPrefWidth(170);
        return box;
    }

    /// A day picked or typed as `2026-11-23`, the way the table writes dates.
    private static DatePicker date(String id, String prompt) {
        var picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(prompt);
        picker.setPrefWidth(130);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : ISO_DATE.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.strip(), ISO_DATE);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        });
        return picker;
    }

    private TableView<AuditRow> table() {
        var table = new TableView<>(viewModel.rows());
        table.setId("auditTable");
        table.getStyleClass().add("register-table");
        table.getColumns().setAll(List.of(
                column("#", "colAuditSeq", 50, AuditRow::seq),
                column("Time (UTC)", "colAuditTime", 145, AuditRow::time),
                column("Actor", "colAuditActor", 140, AuditRow::actor),
                column("Action", "colAuditAction", 80, AuditRow::action),
                column("Exception", "colAuditException", 150, AuditRow::exemptionId),
                column("Context", "colAuditContext", 170, AuditRow::context),
                column("Comment", "colAuditComment", 420, AuditRow::comment)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        // The entry the last verification named as altered stands out in red.
        table.setRowFactory(t -> new TableRow<>() {
            {
                viewModel.alteredSeqProperty().addListener((obs, old, now) -> mark());
            }

            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                mark();
            }

            private void mark() {
                AuditRow row = getItem();
                getStyleClass().remove("audit-row-altered");
                if (!isEmpty() && row != null && row.seqNumber() == viewModel.alteredSeqProperty().get()) {
                    getStyleClass().add("audit-row-altered");
                }
            }
        });
        var placeholder = new Label();
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> viewModel.loadingProperty().get() ? "Loading…"
                        : viewModel.filterProperty().get().isEmpty() ? "The audit log is empty: requests and decisions appear here"
                        : "No entry matches the filters",
                viewModel.loadingProperty(), viewModel.filterProperty()));
        table.setPlaceholder(placeholder);
        TableSelection.bind(table, viewModel.selectedRowProperty());
        return table;
    }

    private static TableColumn<AuditRow, String> column(String title, String id, double width,
                                                         Function<AuditRow, String> text) {
        var column = new TableColumn<AuditRow, String>(title);
        column.setId(id);
        column.setPrefWidth(width);
        // The log has one order, newest first; a header click does not re-sort it.
        column.setSortable(false);
        column.setCellValueFactory(f -> new SimpleStringProperty(text.apply(f.getValue())));
        return column;
    }
}
