package dev.waiver.app.cluster;

import java.util.Map;
import java.util.Objects;

/// The cluster stored the object. `resourceVersion` is what the audit entry of an apply records, and
/// what the next update must send; `object` is the object as the server stored it.
public record Written(String resourceVersion, String uid, Map<String, Object> object) implements WriteOutcome {

    public Written {
        resourceVersion = Objects.requireNonNullElse(resourceVersion, "");
        uid = Objects.requireNonNullElse(uid, "");
        object = Objects.requireNonNull(object, "object");
    }
}
