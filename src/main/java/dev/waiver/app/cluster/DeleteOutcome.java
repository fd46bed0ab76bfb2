package dev.waiver.app.cluster;

/// What became of a delete: [Deleted], [AlreadyGone], [Conflict] (the object in the cluster is not the
/// one the reviewer decided about; it was left alone) or [Refused].
public sealed interface DeleteOutcome permits Deleted, AlreadyGone, Conflict, Refused {
}
