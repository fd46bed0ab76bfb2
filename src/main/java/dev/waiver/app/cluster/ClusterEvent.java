package dev.waiver.app.cluster;

import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.PolicyCatalog;

/// A change a [ClusterWatch] saw, already mapped to the engine's records so a listener never touches
/// fabric8 types.
public sealed interface ClusterEvent {

    String context();

    /// An exception was created or edited on the server.
    record ExemptionChanged(String context, Exemption exemption) implements ClusterEvent {
    }

    /// An exception was deleted on the server; `exemptionId` is the id it had in the register.
    record ExemptionRemoved(String context, String exemptionId) implements ClusterEvent {
    }

    /// A ClusterPolicy or Policy was created, edited or deleted: check types and `unknown-policy`
    /// findings may change, so the register should be assessed again with this catalog.
    record PoliciesChanged(String context, PolicyCatalog catalog) implements ClusterEvent {
    }

    /// The watch could not continue where it was (the server answered 410 Gone) and the kind was listed
    /// again: replace the context's part of the register with this workspace.
    record Resynced(String context, Workspace workspace) implements ClusterEvent {
    }

    /// The watch's connection changed state.
    record ConnectionChanged(String context, ConnectionState state) implements ClusterEvent {
    }
}
