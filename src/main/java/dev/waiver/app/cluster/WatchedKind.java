package dev.waiver.app.cluster;

import io.fabric8.kubernetes.client.Watch;
import java.time.Instant;

/// One kind a [ClusterWatch] watches: the version it is read through, the last `resourceVersion` seen, and
/// the open watch. Guarded by its watch's lock.
final class WatchedKind {

    final ResourceType type;
    final String version;
    String resourceVersion;
    boolean needsRelist;
    /// Counts the watches opened, so callbacks of a replaced one are told apart and ignored.
    int generation;
    /// The generation whose watch has already ended.
    int droppedGeneration;
    Watch handle;
    Instant openedAt;
    /// Why its last watch ended, in words for the connection state.
    String endedBecause;

    WatchedKind(ResourceType type, String version, String resourceVersion) {
        this.type = type;
        this.version = version;
        this.resourceVersion = resourceVersion;
    }
}
