package dev.waiver.app.auditview;

import dev.waiver.app.ui.Icons;
import dev.waiver.engine.review.ReviewMetrics;
import java.time.LocalDate;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/// The Metrics tab: a tile per measure (value, target, met or not) and the exceptions in force per day,
/// drawn red with the flag above it when the total grew over the last 30 days. Binds to
/// [AuditMetricsViewModel].
final class AuditMetricsView extends ScrollPane {

    private final AuditMetricsViewModel viewModel;
    private final HBox tiles = new HBox(12);
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final NumberAxis days = new NumberAxis();
    private final NumberAxis count = new NumberAxis();

    AuditMetricsView(AuditMetricsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("auditMetrics");
        getStyleClass().addAll("detail-scroll", "audit-metrics");
        setFitToWidth(true);
        setFitToHeight(true);
        tiles.setId("metricTiles");
        tiles.getStyleClass().add("metric-tiles");
        viewModel.tiles().addListener((ListChangeListener<MetricTile>) change -> showTiles());
        showTiles();
        var content = new VBox(14, tiles, trend(), chart());
        content.getStyleClass().add("metrics-content");
        setContent(content);
    }

    private void showTiles() {
        tiles.getChildren().setAll(viewModel.tiles().stream().map(AuditMetricsView::tile).toList());
    }

    private static Node tile(MetricTile t) {
        var title = new Label(t.title().toUpperCase(Locale.ROOT));
        title.getStyleClass().add("detail-section-title");
        var value = new Label(t.value());
        value.setId(t.id() + "Value");
        value.getStyleClass().add("metric-value");
        var target = new Label("Target: " + t.target());
        target.setId(t.id() + "Target");
        target.getStyleClass().add("detail-muted");
        var state = new Label(t.state().label(), (switch (t.state()) {
            case MET -> Icons.STATUS_ACTIVE;
            case NOT_MET -> Icons.SEVERITY_HIGH;
            case NO_DATA -> Icons.SEVERITY_LOW;
        }).node());
        state.setId(t.id() + "State");
        state.getStyleClass().addAll("metric-state", "metric-" + t.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        var detail = new Label(t.detail());
        detail.setId(t.id() + "Detail");
        detail.getStyleClass().add("detail-muted");
        detail.setWrapText(true);
        var box = new VBox(4, title, value, target, state, detail);
        box.setId(t.id());
        box.getStyleClass().addAll("metric-tile", "metric-tile-" + t.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(240);
        box.setMinWidth(0);
        return box;
    }

    private Node trend() {
        var label = new Label();
        label.setId("trendText");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setWrapText(true);
        label.textProperty().bind(viewModel.trendProperty());
        Runnable style = () -> {
            boolean flag = viewModel.growingProperty().get();
            label.getStyleClass().setAll("label", flag ? "error-banner" : "metric-trend");
            label.setGraphic(flag ? Icons.SEVERITY_HIGH.node() : null);
        };
        viewModel.growingProperty().addListener((obs, old, now) -> style.run());
        style.run();
        return label;
    }

    private Node chart() {
        days.setAutoRanging(false);
        days.setMinorTickVisible(false);
        days.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochDay) {
                return LocalDate.ofEpochDay(Math.round(epochDay.doubleValue())).toString();
            }

            @Override
            public Number fromString(String text) {
                return LocalDate.parse(text).toEpochDay();
            }
        });
        count.setAutoRanging(false);
        count.setLowerBound(0);
        count.setUpperBound(1);
        count.setLabel("In force");
        count.setMinorTickVisible(false);
        count.setTickUnit(1);
        count.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(Math.round(n.doubleValue())) : "";
            }

            @Override
            public Number fromString(String text) {
                return Long.parseLong(text);
            }
        });
        var chart = new AreaChart<>(days, count);
        chart.setId("inForceChart");
        chart.setTitle("Exceptions in force per day (UTC)");
        chart.setLegendVisible(false);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.getStyleClass().add("in-force-chart");
        chart.setMinHeight(300);
        chart.getData().add(series);
        // Without an approval there is nothing to draw; the line above says so.
        chart.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.inForce()));
        viewModel.inForce().addListener((ListChangeListener<ReviewMetrics.DailyCount>) change -> plot());
        viewModel.growingProperty().addListener((obs, old, now) -> mark(chart));
        plot();
        mark(chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return chart;
    }

    /// The days of the log's history on the x axis, a tick a day for a short history and a week for a long
    /// one; the axes are set here rather than auto-ranged, so ticks fall on whole days and whole exceptions.
    private void plot() {
        var counts = viewModel.inForce();
        series.getData().setAll(counts.stream()
                .map(d -> new XYChart.Data<Number, Number>(d.day().toEpochDay(), d.count())).toList());
        if (counts.isEmpty()) {
            return;
        }
        long first = counts.getFirst().day().toEpochDay();
        long last = counts.getLast().day().toEpochDay();
        long span = Math.max(1, last - first);
        days.setLowerBound(first);
        days.setUpperBound(first + span);
        days.setTickUnit(span <= 14 ? 1 : span <= 60 ? 7 : 30);
        // Whole exceptions on the y axis, with a little headroom above the highest day.
        int max = counts.stream().mapToInt(ReviewMetrics.DailyCount::count).max().orElse(0);
        int unit = Math.max(1, (int) Math.ceil(max / 8.0));
        count.setTickUnit(unit);
        count.setUpperBound(Math.max(unit, (max / unit + 1) * unit));
    }

    private void mark(Node chart) {
        chart.getStyleClass().remove("growing");
        if (viewModel.growingProperty().get()) {
            chart.getStyleClass().add("growing");
        }
    }
}
