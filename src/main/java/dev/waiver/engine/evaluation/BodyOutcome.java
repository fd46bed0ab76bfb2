package dev.waiver.engine.evaluation;

import java.util.Optional;

/// What a rule body gave: a status with its message, or nothing (no result at all, e.g. a
/// foreach that checked no element).
record BodyOutcome(Optional<RuleStatus> status, String message) {

    static final BodyOutcome NONE = new BodyOutcome(Optional.empty(), "");

    static BodyOutcome of(RuleStatus status, String message) {
        return new BodyOutcome(Optional.of(status), message);
    }

    boolean is(RuleStatus s) {
        return status.isPresent() && status.get() == s;
    }
}
