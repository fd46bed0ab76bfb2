package dev.waiver.app.cluster;

import java.util.Objects;

/// The server accepted the delete of the object with this uid. An object with finalizers may linger,
/// marked for deletion, until its finalizers have run.
public record Deleted(String uid) implements DeleteOutcome {

    public Deleted {
        Objects.requireNonNull(uid, "uid");
    }
}
