package dev.waiver.engine.review;

/// The rules a workflow step can break. The command line prints the code; the window shows the message.
public enum ReviewRule {
    /// The requestor may not approve (or renew) their own exception.
    SELF_APPROVAL("self-approval"),
    /// The same reviewer may count only once towards the approvals needed.
    ALREADY_APPROVED("already-approved"),
    /// The exception would last longer than the maximum duration.
    OVER_MAXIMUM("over-maximum"),
    /// The end date is not after the start (or not in the future).
    BAD_DATES("bad-dates"),
    /// A field the process requires is empty (reason, actor, policy, namespace, comment).
    MISSING_FIELD("missing-field"),
    /// The step does not apply to the exception in its current state.
    WRONG_STATE("wrong-state"),
    /// No request or exception with that id.
    UNKNOWN_ID("unknown-id");

    private final String code;

    ReviewRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
