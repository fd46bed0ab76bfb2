package dev.waiver.engine.review;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// The rules a team sets for its review process.
///
/// `gracePeriods` maps a policy name to the length of the temporary exception Waiver drafts when an
/// evaluation finds a new failure under it (the first seed's "temporary exceptions"); `autoApply` names
/// the policies whose temporary exceptions are approved without a reviewer.
public record ReviewSettings(
        int approvalsNeeded,
        Duration maxDuration,
        Duration reminderBefore,
        Map<String, Duration> gracePeriods,
        Set<String> autoApply) {

    public static final int DEFAULT_APPROVALS = 1;
    public static final Duration DEFAULT_MAX = Duration.ofDays(30);
    public static final Duration DEFAULT_REMINDER = Duration.ofDays(7);

    public ReviewSettings {
        if (approvalsNeeded < 1) {
            throw new IllegalArgumentException("approvals needed must be at least 1, not " + approvalsNeeded);
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("the maximum duration must be positive");
        }
        gracePeriods = Map.copyOf(gracePeriods);
        autoApply = Set.copyOf(autoApply);
    }

    public static ReviewSettings defaults() {
        return new ReviewSettings(DEFAULT_APPROVALS, DEFAULT_MAX, DEFAULT_REMINDER, Map.of(), Set.of());
    }

    public Optional<Duration> gracePeriod(String policy) {
        return Optional.ofNullable(gracePeriods.get(policy));
    }
}
