package dev.waiver.app.cluster;

import java.time.Duration;
import java.util.random.RandomGenerator;

/// Waits between reconnect attempts: doubling from `initial` up to `max`, each spread by ± `jitter`
/// (a fraction), so that many clients that lost the same server do not all come back at the same instant.
public record Backoff(Duration initial, Duration max, double jitter) {

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("bad backoff " + initial + ".." + max + " ±" + jitter);
        }
    }

    public static Backoff defaults() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.2);
    }

    /// The wait before attempt `attempt` (1 for the first retry).
    public Duration delay(int attempt, RandomGenerator random) {
        long base = initial.toMillis();
        for (int i = 1; i < attempt && base < max.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, max.toMillis());
        double spread = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.min(max.toMillis(), Math.round(base * spread)));
    }
}
