package dev.waiver.app.review;

import java.util.Map;
import java.util.Optional;

/// Where an approved exception is written: a folder of YAML (for GitOps) or a cluster context.
/// One write or delete per call, all or nothing: on failure nothing has changed there.
public interface ApplyTarget {

    /// Refuses a write the target is known to refuse (for a cluster: RBAC says no), before anything is
    /// recorded. A target that cannot tell lets the write itself decide.
    default void checkWrite(Map<String, Object> object) throws TargetWriteException {
    }

    /// Like [#checkWrite], for a delete.
    default void checkDelete(Map<String, Object> object) throws TargetWriteException {
    }

    /// Creates or replaces the object; answers it as the target now holds it (for a cluster, with the
    /// server's `resourceVersion` and `uid`, which later updates and deletes send back as preconditions).
    Map<String, Object> write(Map<String, Object> object) throws TargetWriteException;

    /// Deletes the object; an object already gone counts as deleted.
    void delete(Map<String, Object> object) throws TargetWriteException;

    /// Who the target took the writer to be, for the audit entry: a cluster's identity for the user.
    /// Empty where the target has no users of its own (a folder).
    default Optional<String> writtenAs() {
        return Optional.empty();
    }

    /// The target as a user reads it: `folder /path` or `context prod`.
    String describe();
}
