package dev.waiver.engine.exemption;

import java.time.Duration;
import java.time.Instant;

/// Human phrases for time distances: "in 3 days", "12 days ago".
public final class Durations {

    private Durations() {
    }

    public static String until(Instant when, Instant now) {
        Duration d = Duration.between(now, when);
        return d.isNegative() ? ago(when, now) : "in " + amount(d);
    }

    public static String ago(Instant when, Instant now) {
        Duration d = Duration.between(when, now);
        return d.isNegative() ? until(when, now) : amount(d) + " ago";
    }

    /// Whole days left until `when` (negative once past), counting a started day as a day.
    public static long daysLeft(Instant when, Instant now) {
        long seconds = Duration.between(now, when).getSeconds();
        return Math.floorDiv(seconds + 86_399, 86_400);
    }

    private static String amount(Duration d) {
        long days = d.toDays();
        if (days >= 1) {
            return days == 1 ? "1 day" : days + " days";
        }
        long hours = Math.max(1, d.toHours());
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
