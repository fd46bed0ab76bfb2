package dev.waiver.app.review;

import java.util.Map;
import java.util.Optional;

/// Where an approved exception is written: a folder of YAML (for GitOps) or a cluster context.
/// One write or delete per call, all or nothing: on failure nothing has changed there.
public interface ApplyTarget {

    /// Creates or replaces the object; answers the version the target now holds (a resourceVersion), if any.
    Optional<String> write(Map<String, Object> object) throws TargetWriteException;

    /// Deletes the object; an object already gone counts as deleted.
    void delete(Map<String, Object> object) throws TargetWriteException;

    /// The target as a user reads it: `folder /path` or `context prod`.
    String describe();
}
