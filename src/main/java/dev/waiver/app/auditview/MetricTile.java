package dev.waiver.app.auditview;

import dev.waiver.engine.review.ReviewMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/// One measure of the process seed as the Metrics tab shows it: its value, its target, and whether the
/// target is met. A measure with nothing to measure yet (no exception has ended, say) is [State#NO_DATA]
/// rather than met, so an empty log does not look like a well-run process.
///
/// @param id the tile's node id, for the stylesheet and UI tests
/// @param detail what the value was computed from (`1 of 4 approved`)
public record MetricTile(String id, String title, String value, String target, State state, String detail) {

    public enum State {
        MET("Target met"), NOT_MET("Target not met"), NO_DATA("No data yet");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /// The four tiles, in the order of the seed: in force, average duration, expired removed, renewal rate.
    public static List<MetricTile> of(ReviewMetrics m) {
        int now = m.inForce().isEmpty() ? 0 : m.inForce().getLast().count();
        int monthAgo = m.inForce().isEmpty() ? 0 : m.inForce().get(Math.max(0, m.inForce().size() - 31)).count();
        var inForce = new MetricTile("tileInForce", "In force now", Integer.toString(now), "Falling over 30 days",
                m.inForce().size() < 2 ? State.NO_DATA : m.growing() ? State.NOT_MET : State.MET,
                m.inForce().isEmpty() ? "No exception approved yet"
                        : m.growing() ? "Red flag: up from " + monthAgo + " over the last 30 days"
                        : monthAgo == now ? "Steady over the last 30 days" : "Down from " + monthAgo + " over the last 30 days");
        var average = new MetricTile("tileAverageDuration", "Average duration",
                m.averageDuration().map(MetricTile::days).orElse(AuditRow.NONE), "< 14 days",
                m.averageDuration().isEmpty() ? State.NO_DATA : m.averageOnTarget() ? State.MET : State.NOT_MET,
                "From approval to end, over " + m.approved() + " approved");
        var removed = new MetricTile("tileExpiredRemoved", "Expired removed", percent(m.expiredRemovedRate()), "100%",
                m.expiredRemovedRate().isEmpty() ? State.NO_DATA : m.removedOnTarget() ? State.MET : State.NOT_MET,
                m.removed() + " of " + m.ended() + " ended");
        var renewal = new MetricTile("tileRenewalRate", "Renewal rate", percent(m.renewalRate()), "< 10%",
                m.renewalRate().isEmpty() ? State.NO_DATA : m.renewalOnTarget() ? State.MET : State.NOT_MET,
                m.renewed() + " of " + m.approved() + " approved renewed");
        return List.of(inForce, average, removed, renewal);
    }

    static String days(Duration d) {
        return String.format(Locale.ROOT, "%.1f days", d.toHours() / 24.0);
    }

    static String percent(OptionalDouble rate) {
        return rate.isPresent() ? String.format(Locale.ROOT, "%.0f%%", rate.getAsDouble() * 100) : AuditRow.NONE;
    }
}
