package dev.waiver.app.review;

import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.ReviewRule;

/// What a workflow command ended with: recorded (and carried out), refused by a rule, or recorded but not
/// carried out because the target failed.
public sealed interface ReviewResult {

    record Recorded(ReviewCase after, String message) implements ReviewResult {
    }

    record Refused(ReviewRule rule, String message) implements ReviewResult {
        public String line() {
            return "refused (" + rule.code() + "): " + message;
        }
    }

    /// The target could not be written. `recorded` says whether the decision itself is already on record.
    record Failed(String message, boolean recorded) implements ReviewResult {
    }
}
