package dev.waiver.engine.audit;

import java.time.Instant;
import java.util.Objects;

/// One decision or action as its caller states it, before the log numbers and chains it.
///
/// `before` and `after` are the exception object as YAML (empty when there is none, e.g. `before` of a
/// request); `context` is the kubeconfig context or folder the action concerns, empty when local.
/// Never put a credential, token or kubeconfig content in any field.
public record AuditRecord(
        Instant time,
        String actor,
        AuditAction action,
        String exemptionId,
        String context,
        String comment,
        String before,
        String after) {

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        actor = Objects.requireNonNullElse(actor, "");
        exemptionId = Objects.requireNonNullElse(exemptionId, "");
        context = Objects.requireNonNullElse(context, "");
        comment = Objects.requireNonNullElse(comment, "");
        before = Objects.requireNonNullElse(before, "");
        after = Objects.requireNonNullElse(after, "");
    }
}
