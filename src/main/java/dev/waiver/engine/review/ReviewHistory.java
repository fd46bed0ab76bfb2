package dev.waiver.engine.review;

import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/// Folds the audit log into the current state of every exception Waiver has handled. The log is the only
/// store: a request, its approvals, where it was applied and whether it was removed are all entries.
public final class ReviewHistory {

    private ReviewHistory() {
    }

    /// `parse` turns an entry's `after` text (YAML) into an object tree; the engine reads no YAML itself.
    public static Map<String, ReviewCase> fold(List<AuditEntry> entries, Function<String, Map<String, Object>> parse) {
        var cases = new LinkedHashMap<String, ReviewCase>();
        for (AuditEntry entry : entries) {
            AuditRecord r = entry.record();
            if (r.exemptionId().isEmpty()) {
                continue;
            }
            ReviewCase current = cases.get(r.exemptionId());
            ReviewCase next = switch (r.action()) {
                case REQUEST, DRAFT -> new ReviewCase(r.exemptionId(), parse.apply(r.after()), r.time(), java.util.Set.of(),
                        Optional.empty(), Optional.empty(), false);
                case SETTING -> current;
                default -> current == null ? null : step(current, r, parse);
            };
            if (next != null) {
                cases.put(r.exemptionId(), next);
            }
        }
        return cases;
    }

    private static ReviewCase step(ReviewCase c, AuditRecord r, Function<String, Map<String, Object>> parse) {
        Map<String, Object> object = r.after().isEmpty() ? c.object() : parse.apply(r.after());
        return switch (r.action()) {
            case APPROVE -> {
                var approvals = new HashSet<>(c.approvals());
                approvals.add(r.actor());
                yield new ReviewCase(c.id(), object, c.requestedAt(), approvals, c.appliedTo(), c.appliedVersion(), c.removed());
            }
            case APPLY -> new ReviewCase(c.id(), object, c.requestedAt(), c.approvals(),
                    ReviewCase.Target.parse(r.context()).or(c::appliedTo), appliedVersion(r.comment()), false);
            case REMOVE -> new ReviewCase(c.id(), object, c.requestedAt(), c.approvals(), c.appliedTo(), Optional.empty(), true);
            default -> new ReviewCase(c.id(), object, c.requestedAt(), c.approvals(), c.appliedTo(), c.appliedVersion(), c.removed());
        };
    }

    /// An apply entry's comment names the version the target answered with: `resourceVersion=N`, then,
    /// for a cluster, who the cluster took the writer to be: `resourceVersion=N; cluster identity: alice`.
    public static String appliedComment(Optional<String> resourceVersion, Optional<String> writtenAs) {
        String applied = resourceVersion.map(v -> "resourceVersion=" + v).orElse("written");
        return applied + writtenAs.map(who -> "; " + identityNote(who)).orElse("");
    }

    /// How a comment names the identity a target wrote as: `cluster identity: alice`.
    public static String identityNote(String writtenAs) {
        return "cluster identity: " + writtenAs;
    }

    private static Optional<String> appliedVersion(String comment) {
        if (!comment.startsWith("resourceVersion=")) {
            return Optional.empty();
        }
        String rest = comment.substring("resourceVersion=".length());
        int end = rest.indexOf(';');
        return Optional.of(end < 0 ? rest : rest.substring(0, end));
    }
}
