package dev.waiver.app.cluster;

import java.util.List;
import java.util.Objects;

/// Who a cluster takes the user to be: the actor the audit log records for actions on that cluster.
/// Holds a name and groups only, never a credential.
public record ClusterIdentity(String username, List<String> groups, Origin origin) {

    public enum Origin {
        /// The API server said so (SelfSubjectReview): the name RBAC and the cluster's audit log use.
        SERVER,
        /// The server would not say; this is the name of the kubeconfig's user entry, which is only a label
        /// the user chose and may differ from the name the cluster knows them by.
        KUBECONFIG
    }

    public ClusterIdentity {
        Objects.requireNonNull(username, "username");
        groups = List.copyOf(groups);
        Objects.requireNonNull(origin, "origin");
    }
}
