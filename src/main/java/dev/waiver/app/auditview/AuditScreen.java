package dev.waiver.app.auditview;

import dev.waiver.app.ui.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// The Audit screen: Verify and Export on top with the verdict under them, then the Log tab (the entries,
/// filters and the selected entry's before/after) and the Metrics tab (charts and targets).
public final class AuditScreen extends BorderPane {

    private final AuditLogViewModel log;
    private final AuditMetricsViewModel metrics;
    private final AuditExportViewModel export;

    public AuditScreen(AuditLogViewModel log, AuditEntryViewModel entry, AuditMetricsViewModel metrics,
                       AuditExportViewModel export) {
        this.log = log;
        this.metrics = metrics;
        this.export = export;
        setId("auditScreen");
        getStyleClass().add("audit-screen");
        setTop(new VBox(toolbar(), unavailableBanner(), verdictBanner()));
        var logTab = new Tab("Log", new AuditLogView(log, entry));
        logTab.setId("logTab");
        var metricsTab = new Tab("Metrics", new AuditMetricsView(metrics));
        metricsTab.setId("metricsTab");
        var tabs = new TabPane(logTab, metricsTab);
        tabs.setId("auditTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("audit-tabs");
        setCenter(tabs);
        // Read the log each time the screen is shown: decisions taken on other screens belong in it.
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                refresh();
            }
        });
    }

    private void refresh() {
        log.refresh();
        metrics.refresh();
    }

    private HBox toolbar() {
        var verify = new Button("Verify chain", Icons.VERIFY.node());
        verify.setId("verifyButton");
        verify.setTooltip(new Tooltip("Recompute every entry's hash and check the chain against the head kept beside"
                + " the log: any changed, removed or inserted entry is named"));
        verify.disableProperty().bind(Bindings.not(log.canVerifyProperty()));
        verify.setOnAction(e -> log.verify());
        var exporting = new Button("Export for auditors…", Icons.EXPORT.node());
        exporting.setId("exportButton");
        exporting.setTooltip(new Tooltip("Write the whole log as CSV, JSON (verifiable on its own) or an HTML report,"
                + " with its head hash"));
        exporting.setOnAction(e -> {
            export.prepare();
            new AuditExportDialog(export, getScene() == null ? null : getScene().getWindow()).showAndWait();
        });
        var spinner = new ProgressIndicator();
        spinner.getStyleClass().add("toolbar-spinner");
        spinner.visibleProperty().bind(log.loadingProperty().or(log.verifyingProperty()).or(metrics.loadingProperty()));
        var refresh = new Button("Refresh", Icons.RELOAD.node());
        refresh.setId("refreshAuditButton");
        refresh.setOnAction(e -> refresh());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(8, verify, exporting, spacer, spinner, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private Label unavailableBanner() {
        var banner = new Label(null, Icons.LOAD_PROBLEM.node());
        banner.setId("auditUnavailable");
        banner.getStyleClass().add("error-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        // The log and the metrics read the same store; the first reason either met is the one to show.
        var reason = Bindings.when(log.unavailableProperty().isNotEmpty()).then(log.unavailableProperty())
                .otherwise(metrics.unavailableProperty());
        banner.textProperty().bind(Bindings.concat("The audit log cannot be read: ", reason));
        banner.visibleProperty().bind(reason.isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /// The last verification: green when the chain is intact, an error banner when it is not.
    private Label verdictBanner() {
        var verdict = new Label();
        verdict.setId("verifyVerdict");
        verdict.getStyleClass().add("audit-verdict");
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.setWrapText(true);
        verdict.textProperty().bind(log.verdictProperty());
        verdict.visibleProperty().bind(log.verdictProperty().isNotEmpty());
        verdict.managedProperty().bind(verdict.visibleProperty());
        Runnable style = () -> {
            verdict.getStyleClass().removeAll("error-banner", "audit-verdict-intact");
            switch (log.verifyStateProperty().get()) {
                case INTACT -> {
                    verdict.getStyleClass().add("audit-verdict-intact");
                    verdict.setGraphic(Icons.VERIFY.node());
                }
                case PROBLEM -> {
                    verdict.getStyleClass().add("error-banner");
                    verdict.setGraphic(Icons.SEVERITY_HIGH.node());
                }
                case NOT_RUN -> verdict.setGraphic(null);
            }
        };
        log.verifyStateProperty().addListener((obs, old, now) -> style.run());
        style.run();
        return verdict;
    }
}
