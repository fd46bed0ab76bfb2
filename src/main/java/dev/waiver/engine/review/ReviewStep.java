package dev.waiver.engine.review;

import dev.waiver.engine.audit.AuditAction;
import java.util.Map;

/// The verdict of a workflow step: done (what to record, the object before and after), or refused by a rule.
public sealed interface ReviewStep {

    record Done(AuditAction action, String exemptionId, Map<String, Object> before, Map<String, Object> after,
            String comment) implements ReviewStep {
    }

    record Refused(ReviewRule rule, String message) implements ReviewStep {
        /// The one line a user reads: the rule's code and why.
        public String line() {
            return "refused (" + rule.code() + "): " + message;
        }
    }
}
