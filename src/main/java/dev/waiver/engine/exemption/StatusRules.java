package dev.waiver.engine.exemption;

import java.time.Instant;

/// Derives an exception's status from its facts and the time: whether the cluster honours it now.
public final class StatusRules {

    private StatusRules() {
    }

    public static ExemptionStatus statusAt(Exemption exemption, Instant now) {
        Decision decision = exemption.decision();
        Expiry expiry = exemption.expiry();
        if (decision.rejected()) {
            return ExemptionStatus.REJECTED;
        }
        if (decision.awaitingReview()) {
            return ExemptionStatus.IN_REVIEW;
        }
        if (decision.revoked()) {
            return ExemptionStatus.REVOKED;
        }
        if (expiry.conditions().neverHonoured()) {
            // Never in effect: it only matters whether the date its author meant has passed.
            var meant = expiry.conditions().intendedEnd().or(expiry::annotated);
            return meant.isPresent() && !now.isBefore(meant.get()) ? ExemptionStatus.EXPIRED : ExemptionStatus.INACTIVE;
        }
        var end = expiry.enforcedEnd();
        if (end.isPresent() && !now.isBefore(end.get())) {
            return ExemptionStatus.EXPIRED;
        }
        if (decision.disabled()) {
            return ExemptionStatus.INACTIVE;
        }
        var start = expiry.conditions().start();
        if (start.isPresent() && now.isBefore(start.get())) {
            return ExemptionStatus.INACTIVE;
        }
        return ExemptionStatus.ACTIVE;
    }
}
