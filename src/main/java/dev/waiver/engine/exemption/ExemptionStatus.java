package dev.waiver.engine.exemption;

/// Whether the cluster honours an exception now. Derived from facts and a clock, never stored.
public enum ExemptionStatus {
    ACTIVE("Active"),
    IN_REVIEW("In Review"),
    INACTIVE("Inactive"),
    EXPIRED("Expired"),
    REVOKED("Revoked"),
    REJECTED("Rejected");

    private final String label;

    ExemptionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /// Parses a label or constant name, forgiving case, spaces, dashes and underscores ("in-review", "In Review").
    public static java.util.Optional<ExemptionStatus> parse(String text) {
        String wanted = text.replaceAll("[\\s_-]", "").toLowerCase(java.util.Locale.ROOT);
        for (ExemptionStatus status : values()) {
            if (status.name().replace("_", "").toLowerCase(java.util.Locale.ROOT).equals(wanted)) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }
}
