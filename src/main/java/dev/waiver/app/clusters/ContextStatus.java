package dev.waiver.app.clusters;

import dev.waiver.app.cluster.ConnectionState;
import java.time.Instant;

/// Where one context of the open register stands, as the Clusters screen shows it.
public sealed interface ContextStatus {

    /// The server is being read; `exceptions` PolicyExceptions so far, `resource` the kind being listed.
    record Reading(int exceptions, String resource) implements ContextStatus {
    }

    /// Read, and watched for changes: `connection` says whether changes still arrive.
    record Watched(int exceptions, ConnectionState connection) implements ContextStatus {
    }

    /// The server could not be read (`reason`); the register shows its last snapshot.
    record FromSnapshot(int exceptions, Instant asOf, String reason) implements ContextStatus {
    }

    /// Neither the server nor a snapshot.
    record Failed(String reason) implements ContextStatus {
    }
}
