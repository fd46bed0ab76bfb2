package dev.waiver.engine.evaluation;

import java.util.Locale;
import java.util.Optional;

/// The result of one rule on one resource, as Kyverno and policy reports name it.
public enum RuleStatus {
    PASS, FAIL, WARN, ERROR, SKIP;

    /// The lower-case word used in reports and `kyverno test` files.
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RuleStatus> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(word.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
