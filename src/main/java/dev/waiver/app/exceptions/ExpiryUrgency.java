package dev.waiver.app.exceptions;

import dev.waiver.engine.exemption.Durations;
import dev.waiver.engine.exemption.ExemptionStatus;
import java.time.Instant;
import java.util.Optional;

/// How loudly an end date should speak: past (red), within a week (amber), later or none (plain).
/// Rejected and revoked exceptions ended by decision, so their dates stay plain.
public enum ExpiryUrgency {
    NONE, LATER, SOON, PAST;

    static final int SOON_DAYS = 7;

    static ExpiryUrgency of(ExemptionStatus status, Optional<Instant> end, Instant now) {
        if (end.isEmpty() || status == ExemptionStatus.REJECTED || status == ExemptionStatus.REVOKED) {
            return NONE;
        }
        long days = Durations.daysLeft(end.get(), now);
        if (!end.get().isAfter(now)) {
            return PAST;
        }
        return days <= SOON_DAYS ? SOON : LATER;
    }

    /// `expiry-past`, `expiry-soon`, or null when plain.
    public String styleClass() {
        return switch (this) {
            case PAST -> "expiry-past";
            case SOON -> "expiry-soon";
            default -> null;
        };
    }
}
