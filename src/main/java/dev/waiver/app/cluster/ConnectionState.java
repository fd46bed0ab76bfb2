package dev.waiver.app.cluster;

import java.time.Instant;

/// Whether a context's watch is receiving changes. The window shows it beside the context's name.
public sealed interface ConnectionState {

    /// Watching: changes on the server arrive within moments.
    record Live(Instant since) implements ConnectionState {
    }

    /// The watch dropped; the next attempt is scheduled. The data shown is as of the drop.
    record Reconnecting(int attempt, Instant nextRetry, String reason) implements ConnectionState {
    }

    /// Not receiving changes for a while (or refused): Waiver keeps retrying in the background at the
    /// longest interval, and [ClusterWatch#reconnectNow()] tries at once.
    record Offline(String reason, Instant since) implements ConnectionState {
    }
}
