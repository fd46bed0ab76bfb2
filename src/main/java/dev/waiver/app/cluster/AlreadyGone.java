package dev.waiver.app.cluster;

/// There was nothing to delete: the object was removed by someone else (or by Kyverno's cleanup) before
/// this request. The reviewer's goal is met, but the removal was not theirs, which the audit log can say.
public record AlreadyGone(String namespace, String name) implements DeleteOutcome {
}
