package dev.waiver.app.cluster;

import java.util.Objects;

/// Whether the cluster would let the current user make a change, as a SelfSubjectAccessReview answered.
/// [Unknown] is its own state: the question could not be asked or was not answered, which says nothing
/// about the permission, so the UI should neither hide nor promise the action.
public sealed interface AccessDecision {

    record Allowed() implements AccessDecision {
    }

    record Denied(String reason) implements AccessDecision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Unknown(String reason) implements AccessDecision {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
