package dev.waiver.app.export;

import dev.waiver.app.metrics.MetricsReport;
import dev.waiver.engine.review.ReviewMetrics;
import dev.waiver.engine.review.ReviewMetrics.DailyCount;
import java.util.List;

/// The review metrics as an export section: each measure against its target (what `waiver metrics`
/// shows) and the exceptions in force per day, as a chart in the report and as a table of its own in CSV.
public record MetricsSection(ReviewMetrics metrics) implements ExportSection {

    static final List<String> MEASURES_HEADER = List.of("Measure", "Value", "Target", "Verdict");
    static final List<String> TREND_HEADER = List.of("Day (UTC)", "In force");

    @Override
    public String key() {
        return "metrics";
    }

    @Override
    public String title() {
        return "Metrics";
    }

    /// What `waiver metrics -o json` prints: the numbers, the daily series and the measures.
    @Override
    public Object json() {
        return MetricsReport.json(metrics);
    }

    @Override
    public List<ExportTable> tables() {
        return List.of(measures(), trend());
    }

    @Override
    public String html() {
        return Html.table(MEASURES_HEADER, measures().rows())
                + "<h3>In force per day</h3>\n" + TrendChart.svg(metrics.inForce(), metrics.growing())
                + (metrics.inForce().isEmpty() ? "" : "<details><summary>the numbers</summary>"
                        + Html.table(TREND_HEADER, trend().rows()) + "</details>\n");
    }

    private ExportTable measures() {
        return new ExportTable("metrics", MEASURES_HEADER, MetricsReport.measures(metrics).stream()
                .map(m -> List.of(m.name(), m.value(), m.target(), m.verdict())).toList());
    }

    private ExportTable trend() {
        return new ExportTable("in-force", TREND_HEADER, metrics.inForce().stream()
                .map((DailyCount d) -> List.of(d.day().toString(), Integer.toString(d.count()))).toList());
    }
}
