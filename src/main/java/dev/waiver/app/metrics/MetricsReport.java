package dev.waiver.app.metrics;

import dev.waiver.engine.review.ReviewMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/// The review metrics as people read them: each measure with its value, its target and whether it is met;
/// and the same as JSON with the in-force-per-day series. What `waiver metrics` prints and what the metrics
/// section of an audit export holds, so the two never disagree.
public final class MetricsReport {

    /// One line of the report. `value` is `n/a` when there is nothing to measure yet.
    public record Measure(String name, String value, String target, String verdict, boolean onTarget) {
    }

    /// Not a dash: a cell starting with `-` reads as a formula to a spreadsheet.
    private static final String NONE = "n/a";

    private MetricsReport() {
    }

    public static List<Measure> measures(ReviewMetrics m) {
        return List.of(
                new Measure("in force now", Integer.toString(inForceNow(m)), "falling",
                        m.growing() ? "RED FLAG: growing over 30 days" : "ok", !m.growing()),
                new Measure("average duration", m.averageDuration().map(MetricsReport::days).orElse(NONE), "< 14 days",
                        verdict(m.averageOnTarget()), m.averageOnTarget()),
                new Measure("expired removed", percent(m.expiredRemovedRate()) + " (" + m.removed() + " of " + m.ended() + ")",
                        "100%", verdict(m.removedOnTarget()), m.removedOnTarget()),
                new Measure("renewal rate", percent(m.renewalRate()) + " (" + m.renewed() + " of " + m.approved() + ")",
                        "< 10%", verdict(m.renewalOnTarget()), m.renewalOnTarget()));
    }

    /// The numbers behind the measures, the daily series (`inForce`: `{day, count}`, oldest first) and the
    /// measures as shown.
    public static Map<String, Object> json(ReviewMetrics m) {
        var json = new LinkedHashMap<String, Object>();
        json.put("inForce", m.inForce().stream().map(d -> Map.of("day", d.day().toString(), "count", d.count())).toList());
        json.put("averageDurationDays", m.averageDuration().map(d -> d.toHours() / 24.0).orElse(null));
        json.put("expiredRemovedRate", m.expiredRemovedRate().isPresent() ? m.expiredRemovedRate().getAsDouble() : null);
        json.put("renewalRate", m.renewalRate().isPresent() ? m.renewalRate().getAsDouble() : null);
        json.put("approved", m.approved());
        json.put("ended", m.ended());
        json.put("removed", m.removed());
        json.put("renewed", m.renewed());
        json.put("growing", m.growing());
        json.put("measures", measures(m).stream().map(x -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("measure", x.name());
            row.put("value", x.value());
            row.put("target", x.target());
            row.put("verdict", x.verdict());
            row.put("onTarget", x.onTarget());
            return row;
        }).toList());
        return json;
    }

    public static int inForceNow(ReviewMetrics m) {
        return m.inForce().isEmpty() ? 0 : m.inForce().getLast().count();
    }

    private static String days(Duration d) {
        return String.format(Locale.ROOT, "%.1f days", d.toHours() / 24.0);
    }

    private static String percent(OptionalDouble rate) {
        return rate.isPresent() ? String.format(Locale.ROOT, "%.0f%%", rate.getAsDouble() * 100) : NONE;
    }

    private static String verdict(boolean onTarget) {
        return onTarget ? "on target" : "OFF TARGET";
    }
}
