package dev.waiver.app.exceptions;

import static dev.waiver.app.ui.DetailSections.optionalRow;
import static dev.waiver.app.ui.DetailSections.row;
import static dev.waiver.app.ui.DetailSections.section;
import static dev.waiver.app.ui.DetailSections.titled;
import dev.waiver.app.ui.Icons;
import dev.waiver.app.ui.StatusStyle;
import dev.waiver.engine.exemption.Finding;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/// Everything about the selected exception, grouped the way a reviewer reads it (scope, justification,
/// decision, dates, findings), with the object's YAML below. Binds to [ExemptionDetailViewModel].
public final class ExemptionDetailView extends BorderPane {

    private final ExemptionDetailViewModel viewModel;

    public ExemptionDetailView(ExemptionDetailViewModel viewModel) {
        this(viewModel, new Node[0]);
    }

    /// With sections other features add under the header (what the exception covers, say).
    public ExemptionDetailView(ExemptionDetailViewModel viewModel, Node... moreSections) {
        this.viewModel = viewModel;
        setId("detailPane");
        getStyleClass().add("detail-pane");

        var fields = new VBox(14, header(),
                section("Scope",
                        optionalRow("Context", "detailContext", viewModel.contextProperty()),
                        row("Policies and rules", "detailChecks", viewModel.checksProperty()),
                        row("Check type", "detailCheckType", viewModel.checkTypeProperty()),
                        row("Matches", "detailMatches", viewModel.matchesProperty())),
                section("Justification",
                        row("Requestor", "detailRequestor", viewModel.requestorProperty()),
                        row("Reason", "detailReason", viewModel.reasonProperty()),
                        row("Ticket", "detailTicket", viewModel.ticketProperty()),
                        row("Risk acceptance", "detailRiskAcceptance", viewModel.riskAcceptanceProperty())),
                section("Decision",
                        row("Approver", "detailApprover", viewModel.approverProperty()),
                        row("Decision", "detailDecision", viewModel.decisionProperty()),
                        row("Renewals", "detailRenewals", viewModel.renewalsProperty())),
                section("Dates",
                        row("Created", "detailCreated", viewModel.createdProperty()),
                        row("Starts", "detailStarts", viewModel.startsProperty()),
                        row("Expires", "detailExpires", viewModel.expiresProperty()),
                        row("Enforcement", "detailExpiryNote", viewModel.expiryNoteProperty())),
                section("Source",
                        row("Source", "detailSource", viewModel.sourceProperty()),
                        row("File", "detailOrigin", viewModel.originProperty())),
                findings());
        // What the exception does in the workspace, before what it says: the first question of a review.
        fields.getChildren().addAll(1, List.of(moreSections));
        fields.getStyleClass().add("detail-fields");
        var scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("detail-scroll");

        var split = new SplitPane(scroll, yaml());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);

        var empty = new Label("Select an exception to see its details", Icons.EXCEPTIONS.node());
        empty.getStyleClass().add("detail-empty");
        empty.visibleProperty().bind(viewModel.presentProperty().not());
        split.visibleProperty().bind(viewModel.presentProperty());
        setCenter(new StackPane(split, empty));
    }

    private Node header() {
        var name = new Label();
        name.setId("detailName");
        name.getStyleClass().add("detail-title");
        name.textProperty().bind(viewModel.nameProperty());
        name.setWrapText(true);

        var status = new Label(null, Icons.STATUS_ACTIVE.node());
        status.setId("detailStatus");
        status.getStyleClass().add("status-badge");
        status.textProperty().bind(viewModel.statusTextProperty());
        viewModel.statusProperty().addListener((obs, old, now) -> {
            status.getStyleClass().removeAll(StatusStyle.ALL_CLASSES);
            if (now != null) {
                var style = StatusStyle.of(now);
                status.getStyleClass().add(style.styleClass());
                status.setGraphic(style.icon().node());
            }
        });

        var namespace = new Label();
        namespace.setId("detailNamespace");
        namespace.getStyleClass().add("detail-subtitle");
        namespace.textProperty().bind(viewModel.namespaceProperty());

        var line = new HBox(10, status, namespace);
        line.getStyleClass().add("detail-header-line");
        return new VBox(4, name, line);
    }

    private Node findings() {
        var list = new VBox(4);
        list.setId("detailFindings");
        list.getStyleClass().add("findings-list");
        Runnable rebuild = () -> {
            list.getChildren().clear();
            if (viewModel.findings().isEmpty()) {
                var none = new Label("No findings");
                none.getStyleClass().add("detail-muted");
                list.getChildren().add(none);
            }
            for (Finding f : viewModel.findings()) {
                var severity = f.code().severity();
                var line = new Label(f.code().code() + " — " + f.message(), StatusStyle.icon(severity).node());
                line.setWrapText(true);
                line.getStyleClass().addAll("finding", StatusStyle.styleClass(severity));
                list.getChildren().add(line);
            }
        };
        viewModel.findings().addListener((ListChangeListener<Finding>) c -> rebuild.run());
        rebuild.run();
        return titled("Findings", list);
    }

    private Node yaml() {
        var area = new TextArea();
        area.setId("yamlView");
        area.getStyleClass().add("yaml-view");
        area.setEditable(false);
        area.textProperty().bind(viewModel.yamlProperty());
        var heading = new Label("YAML", Icons.YAML.node());
        heading.getStyleClass().add("detail-section-title");
        var box = new VBox(6, heading, area);
        box.getStyleClass().add("yaml-section");
        VBox.setVgrow(area, Priority.ALWAYS);
        return box;
    }
}
