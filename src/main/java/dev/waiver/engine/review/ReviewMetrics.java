package dev.waiver.engine.review;

import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.Timestamps;
import dev.waiver.engine.exemption.WaiverAnnotations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/// The process seed's measures, computed from the cases the audit log holds.
///
/// - total exceptions in force per day (should fall; a rise over the last 30 days is the red flag),
/// - average duration from approval to end (target under 14 days),
/// - share of ended exceptions that were removed (target 100%),
/// - share of approved exceptions renewed at least once (target under 10%).
public record ReviewMetrics(
        List<DailyCount> inForce,
        Optional<Duration> averageDuration,
        OptionalDouble expiredRemovedRate,
        OptionalDouble renewalRate,
        int approved,
        int ended,
        int removed,
        int renewed,
        boolean growing) {

    public static final Duration TARGET_AVERAGE = Duration.ofDays(14);
    public static final double TARGET_REMOVED = 1.0;
    public static final double TARGET_RENEWAL = 0.10;
    /// How many days back the red flag looks: the count now against the count this many days ago.
    public static final int TREND_DAYS = 30;

    public record DailyCount(LocalDate day, int count) {
    }

    public boolean averageOnTarget() {
        return averageDuration.map(d -> d.compareTo(TARGET_AVERAGE) < 0).orElse(true);
    }

    public boolean removedOnTarget() {
        return expiredRemovedRate.orElse(1.0) >= TARGET_REMOVED;
    }

    public boolean renewalOnTarget() {
        return renewalRate.orElse(0.0) < TARGET_RENEWAL;
    }

    public static ReviewMetrics of(Collection<ReviewCase> cases, Instant now) {
        var windows = new ArrayList<Window>();
        int ended = 0;
        int removed = 0;
        int renewed = 0;
        for (ReviewCase c : cases) {
            Exemption e = c.exemption();
            var approvedAt = PolicyExceptionTrees.annotation(c.object(), WaiverAnnotations.APPROVED_AT)
                    .flatMap(Timestamps::parseLenient);
            if (approvedAt.isEmpty() || e.decision().approvedBy().isEmpty()) {
                continue;
            }
            Optional<Instant> end = e.decision().revokedAt().or(() -> e.expiry().shownEnd());
            windows.add(new Window(approvedAt.get(), end));
            if (end.isPresent() && !end.get().isAfter(now)) {
                ended++;
                if (c.removed()) {
                    removed++;
                }
            }
            if (e.decision().renewals() > 0) {
                renewed++;
            }
        }
        var series = daily(windows, now);
        var durations = windows.stream().filter(w -> w.end().isPresent())
                .mapToLong(w -> Duration.between(w.start(), w.end().get()).toSeconds()).filter(s -> s >= 0).average();
        int approved = windows.size();
        boolean growing = series.size() > 1
                && series.getLast().count() > series.get(Math.max(0, series.size() - 1 - TREND_DAYS)).count();
        return new ReviewMetrics(series,
                durations.isPresent() ? Optional.of(Duration.ofSeconds(Math.round(durations.getAsDouble()))) : Optional.empty(),
                ended == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) removed / ended),
                approved == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) renewed / approved),
                approved, ended, removed, renewed, growing);
    }

    private record Window(Instant start, Optional<Instant> end) {
        boolean covers(Instant t) {
            return !start.isAfter(t) && end.map(t::isBefore).orElse(true);
        }
    }

    /// One count per day, at the end of that day (UTC), from the first approval to today.
    private static List<DailyCount> daily(List<Window> windows, Instant now) {
        var first = windows.stream().map(Window::start).min(Instant::compareTo);
        if (first.isEmpty()) {
            return List.of();
        }
        var series = new ArrayList<DailyCount>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(first.get(), ZoneOffset.UTC); !day.isAfter(today); day = day.plusDays(1)) {
            Instant endOfDay = day.equals(today) ? now : day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
            int count = (int) windows.stream().filter(w -> w.covers(endOfDay)).count();
            series.add(new DailyCount(day, count));
        }
        return series;
    }
}
