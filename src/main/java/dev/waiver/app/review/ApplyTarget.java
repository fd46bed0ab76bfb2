package dev.waiver.app.review;

import java.util.Map;

/// Where an approved exception is written: a folder of YAML (for GitOps) or a cluster context.
/// One write or delete per call, all or nothing: on failure nothing has changed there.
public interface ApplyTarget {

    /// Creates or replaces the object; answers it as the target now holds it (for a cluster, with the
    /// server's `resourceVersion` and `uid`, which later updates and deletes send back as preconditions).
    Map<String, Object> write(Map<String, Object> object) throws TargetWriteException;

    /// Deletes the object; an object already gone counts as deleted.
    void delete(Map<String, Object> object) throws TargetWriteException;

    /// The target as a user reads it: `folder /path` or `context prod`.
    String describe();
}
