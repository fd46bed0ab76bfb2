package dev.waiver.app.review;

import dev.waiver.app.ui.Icons;
import dev.waiver.app.ui.StatusStyle;
import dev.waiver.app.ui.TableSelection;
import dev.waiver.engine.review.Reminder;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/// The reminders above and the review queue below. Binds to [ReviewsViewModel]; a click on a reminder
/// leads to what it is about.
final class ReviewQueueView extends VBox {

    private final ReviewsViewModel viewModel;

    ReviewQueueView(ReviewsViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("review-queue");
        var table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(notifications(), heading("Queue"), table);
    }

    private static Label heading(String text) {
        var label = new Label(text.toUpperCase(java.util.Locale.ROOT));
        label.getStyleClass().add("detail-section-title");
        return label;
    }

    private VBox notifications() {
        var title = new Label();
        title.setId("notificationTitle");
        title.getStyleClass().add("detail-section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = viewModel.reminderCountProperty().get();
            return n == 0 ? "REMINDERS: NONE" : n == 1 ? "1 REMINDER" : n + " REMINDERS";
        }, viewModel.reminderCountProperty()));
        var list = new ListView<>(viewModel.notifications());
        list.setId("notificationList");
        list.getStyleClass().add("notification-list");
        list.setPrefHeight(118);
        list.setPlaceholder(new Label("Nothing needs a reviewer now"));
        list.setCellFactory(v -> new ListCell<>() {
            {
                setOnMouseClicked(e -> {
                    if (!isEmpty() && getItem() != null) {
                        viewModel.open(getItem());
                    }
                });
            }

            @Override
            protected void updateItem(ReviewsViewModel.Notification item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
                setGraphic(empty || item == null ? null : icon(item.reminder().kind()).node());
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item.reminder().message()));
            }
        });
        var box = new VBox(4, title, list);
        box.getStyleClass().add("notifications");
        return box;
    }

    private static Icons icon(Reminder.Kind kind) {
        return switch (kind) {
            case NEW_REQUEST -> StatusStyle.IN_REVIEW.icon();
            case EXPIRING_SOON -> Icons.SEVERITY_MEDIUM;
            case EXPIRED_NOT_REMOVED -> StatusStyle.EXPIRED.icon();
        };
    }

    private TableView<ReviewRow> table() {
        var table = new TableView<>(viewModel.rows());
        table.setId("reviewQueue");
        table.getStyleClass().add("register-table");
        table.getColumns().setAll(List.of(
                column("Id", "colReviewId", 95, ReviewRow::id),
                status(),
                column("Exception", "colReviewException", 260, ReviewRow::exception),
                column("Policy / rules", "colReviewChecks", 300, ReviewRow::checks),
                column("Namespaces", "colReviewNamespaces", 110, ReviewRow::namespaces),
                column("Requestor", "colReviewRequestor", 150, ReviewRow::requestor),
                column("Reason", "colReviewReason", 240, ReviewRow::reason),
                column("Ticket", "colReviewTicket", 80, ReviewRow::ticket),
                column("Requested", "colReviewRequested", 95, ReviewRow::requested),
                column("Ends", "colReviewEnds", 160, ReviewRow::ends),
                column("Approvals", "colReviewApprovals", 80, ReviewRow::approvals)));
        // Eleven columns do not fit beside the case pane: keep their widths and scroll sideways rather than
        // cut every cell short; the menu button hides the ones a reviewer does not need.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setTableMenuButtonVisible(true);
        var placeholder = new Label();
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.textProperty().bind(Bindings.when(viewModel.loadingProperty()).then("Loading…")
                .otherwise("Nothing waits for a reviewer"));
        table.setPlaceholder(placeholder);
        TableSelection.bind(table, viewModel.selectedRowProperty());
        return table;
    }

    /// The status in its colour, with the stage (what the case waits for) as its tooltip.
    private static TableColumn<ReviewRow, String> status() {
        var column = column("Status", "colReviewStatus", 120, ReviewRow::statusText);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll(StatusStyle.ALL_CLASSES);
                ReviewRow row = empty ? null : getTableRow().getItem();
                if (row == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                var style = StatusStyle.of(row.status());
                getStyleClass().addAll("status-cell", style.styleClass());
                setText(text);
                setGraphic(style.icon().node());
                setTooltip(new javafx.scene.control.Tooltip(row.stage().label()));
            }
        });
        return column;
    }

    private static TableColumn<ReviewRow, String> column(String title, String id, double width,
                                                          Function<ReviewRow, String> text) {
        var column = new TableColumn<ReviewRow, String>(title);
        column.setId(id);
        column.setPrefWidth(width);
        // The queue has one meaningful order (what waits longest first), so headers do not re-sort it.
        column.setSortable(false);
        column.setCellValueFactory(f -> new SimpleStringProperty(text.apply(f.getValue())));
        return column;
    }
}
