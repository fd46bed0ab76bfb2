package dev.waiver.engine.review;

import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/// Which of the store's cases the register shows beside what a folder or cluster holds: requests not yet
/// applied (In Review, Rejected, approved but waiting) and revoked ones, unless the workspace already holds
/// the same object (matched by its request id). Removed cases are history, kept in the audit log only.
public final class StoredRequests {

    private StoredRequests() {
    }

    public static List<Exemption> besides(List<Exemption> workspace, Collection<ReviewCase> cases, Instant now) {
        Set<String> present = workspace.stream().map(e -> e.decision().requestId().orElse(null))
                .filter(Objects::nonNull).collect(Collectors.toSet());
        return cases.stream()
                .filter(c -> !c.removed() && !present.contains(c.id()))
                .filter(c -> c.appliedTo().isEmpty() || c.statusAt(now) == ExemptionStatus.REVOKED)
                .map(ReviewCase::exemption)
                .toList();
    }
}
