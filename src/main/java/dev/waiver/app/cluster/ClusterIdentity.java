package dev.waiver.app.cluster;

import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/// Who the cluster takes the user to be, for `waiver contexts` and the window's context list.
///
/// The default says only what the kubeconfig claims (its user entry's name); an implementation that asks
/// the server (a SelfSubjectReview) can replace it. Empty when it cannot tell.
@FunctionalInterface
public interface ClusterIdentity {

    Optional<String> whoAmI(KubernetesClient client);

    /// The kubeconfig's user name for the client's context; no request is made.
    static ClusterIdentity kubeconfigUser() {
        return client -> Optional.ofNullable(client.getConfiguration().getCurrentContext())
                .map(NamedContext::getContext).map(Context::getUser).filter(u -> !u.isBlank());
    }
}
