package dev.waiver.app.exceptions;

import dev.waiver.engine.exemption.Durations;
import dev.waiver.engine.exemption.ExemptedCheck;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/// Text shapes shared by the table and the detail pane, so an exception reads the same in both.
/// Times are shown in UTC: reviewers across time zones compare them with cluster conditions, which are UTC.
final class Formats {

    static final String NONE = "—";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String date(Instant when) {
        return DATE.format(when);
    }

    /// `2026-06-18 · in 3 days`
    static String dateWithDistance(Instant when, Instant now) {
        return DATE.format(when) + " · " + Durations.until(when, now);
    }

    /// `2026-06-18 12:00 UTC (in 3 days)`, or a dash.
    static String dateTime(Optional<Instant> when, Instant now) {
        return when.map(w -> DATE_TIME.format(w) + " (" + Durations.until(w, now) + ")").orElse(NONE);
    }

    /// `policy: rule-a, rule-b; other: *`
    static String checks(List<ExemptedCheck> checks) {
        return checks.stream()
                .map(c -> c.rules().isEmpty() ? c.policy() : c.policy() + ": " + String.join(", ", c.rules()))
                .collect(Collectors.joining("; "));
    }

    static String orNone(Optional<String> text) {
        return text.filter(t -> !t.isBlank()).orElse(NONE);
    }
}
