package dev.waiver.engine.review;

import java.time.Instant;

/// Something a reviewer should act on, shown as a notification and counted in the badge.
public record Reminder(Kind kind, String exemptionId, String title, String message, Instant due) {

    public enum Kind {
        /// A request waits for a decision.
        NEW_REQUEST,
        /// An active exception ends within the reminder window (7 days by default).
        EXPIRING_SOON,
        /// An exception has ended but its object is still in the cluster or folder.
        EXPIRED_NOT_REMOVED
    }
}
