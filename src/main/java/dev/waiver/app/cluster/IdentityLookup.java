package dev.waiver.app.cluster;

import dev.waiver.app.cluster.ClusterIdentity.Origin;
import dev.waiver.engine.tree.Trees;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Asks the cluster who we are (SelfSubjectReview, `kubectl auth whoami`), falling back to the name of
/// the kubeconfig user entry.
///
/// `authentication.k8s.io/v1` has it since Kubernetes 1.28, `v1beta1` since 1.27; older servers answer
/// 404 and some deny it. A definite answer (the server's, or its lasting "no") is kept for the life of
/// this lookup; a passing failure (timeout, expired credentials) is not, so the next call asks again.
public final class IdentityLookup {

    private static final List<String> VERSIONS = List.of("v1", "v1beta1");
    private static final String UNKNOWN_USER = "unknown user";

    private final KubernetesClient client;
    private final String kubeconfigUser;
    private final Redaction redaction;
    private volatile ClusterIdentity settled;

    /// @param kubeconfigUser the `user` the context names in the kubeconfig (its name, not its content)
    public IdentityLookup(KubernetesClient client, String kubeconfigUser) {
        this.client = SingleAttempt.of(client);
        this.kubeconfigUser = kubeconfigUser == null || kubeconfigUser.isBlank() ? UNKNOWN_USER : kubeconfigUser.strip();
        this.redaction = new Redaction(client.getConfiguration());
    }

    /// Blocks for at most one or two requests on the first call.
    public ClusterIdentity current() {
        ClusterIdentity known = settled;
        if (known != null) {
            return known;
        }
        boolean lasting = true;
        for (String version : VERSIONS) {
            try {
                Optional<ClusterIdentity> answer = ask(version);
                if (answer.isPresent()) {
                    settled = answer.get();
                    return answer.get();
                }
                break;
            } catch (KubernetesClientException failure) {
                if (failure.getCode() == 404) {
                    continue;
                }
                lasting = failure.getCode() == 403 || failure.getCode() == 422 || failure.getCode() == 400;
                break;
            }
        }
        var fallback = new ClusterIdentity(kubeconfigUser, List.of(), Origin.KUBECONFIG);
        if (lasting) {
            settled = fallback;
        }
        return fallback;
    }

    private Optional<ClusterIdentity> ask(String version) {
        var context = new ResourceDefinitionContext.Builder().withGroup("authentication.k8s.io")
                .withVersion(version).withKind("SelfSubjectReview").withPlural("selfsubjectreviews")
                .withNamespaced(false).build();
        GenericKubernetesResource review = new GenericKubernetesResourceBuilder()
                .withApiVersion("authentication.k8s.io/" + version).withKind("SelfSubjectReview").build();
        GenericKubernetesResource answer = client.genericKubernetesResources(context).resource(review).create();
        Map<String, Object> userInfo = Trees.map(answer == null ? null : answer.getAdditionalProperties(),
                "status", "userInfo");
        String username = Trees.at(userInfo, "username").map(Object::toString).orElse("").strip();
        if (username.isEmpty()) {
            return Optional.empty();
        }
        List<String> groups = Trees.strings(userInfo, "groups").stream().map(redaction::clean).toList();
        return Optional.of(new ClusterIdentity(redaction.clean(username), groups, Origin.SERVER));
    }
}
