package dev.waiver.engine.exemption;

/// The lint findings a reviewer sees on an exception. The codes are stable: scripts and exports use them.
public enum FindingCode {
    CONDITION_NEVER_TRUE("condition-never-true", Severity.HIGH),
    EXPIRED_PRESENT("expired-present", Severity.HIGH),
    EXPIRY_NOT_ENFORCED("expiry-not-enforced", Severity.HIGH),
    NO_EXPIRY("no-expiry", Severity.MEDIUM),
    EXPIRY_MISMATCH("expiry-mismatch", Severity.MEDIUM),
    WILDCARD_NAMESPACE("wildcard-namespace", Severity.MEDIUM),
    NO_NAMES("no-names", Severity.MEDIUM),
    MISSING_AUTOGEN("missing-autogen", Severity.MEDIUM),
    UNKNOWN_POLICY("unknown-policy", Severity.LOW),
    EXPIRING_SOON("expiring-soon", Severity.LOW),
    NO_JUSTIFICATION("no-justification", Severity.LOW),
    NO_TICKET("no-ticket", Severity.LOW);

    public enum Severity { HIGH, MEDIUM, LOW }

    private final String code;
    private final Severity severity;

    FindingCode(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }
}
