package dev.waiver.engine.exemption;

import java.time.Instant;
import java.util.Optional;

/// The review facts recorded on the object: the request, its approval or rejection, a revocation,
/// a switch-off, and how often it was renewed.
public record Decision(
        Optional<String> requestId,
        Optional<String> approvedBy,
        Optional<String> rejectedBy,
        Optional<String> rejectionReason,
        Optional<String> revokedBy,
        Optional<Instant> revokedAt,
        boolean disabled,
        int renewals) {

    public static Decision none() {
        return new Decision(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, 0);
    }

    public boolean rejected() {
        return rejectedBy.isPresent();
    }

    /// A request (it carries a request id) that nobody has decided yet.
    public boolean awaitingReview() {
        return requestId.isPresent() && approvedBy.isEmpty() && rejectedBy.isEmpty();
    }

    public boolean revoked() {
        return revokedBy.isPresent() || revokedAt.isPresent();
    }
}
