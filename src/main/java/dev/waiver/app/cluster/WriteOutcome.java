package dev.waiver.app.cluster;

/// What became of a create or update: [Written], [Conflict] (someone else got there first; nothing
/// was overwritten) or [Refused] (nothing was written, or, after a timeout, it is unknown whether it was).
public sealed interface WriteOutcome permits Written, Conflict, Refused {
}
