package dev.waiver.app.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/// Whether a context's API server answers, asked the cheapest way (`GET /version`).
public final class ContextProbe {

    /// @param detail the server's version when it answered, else why not (one line)
    public record Reachability(boolean reachable, String detail) {
    }

    private ContextProbe() {
    }

    public static Reachability probe(KubernetesClient client) {
        try {
            var version = client.getKubernetesVersion();
            return new Reachability(true, version == null || version.getGitVersion() == null ? "" : version.getGitVersion());
        } catch (RuntimeException e) {
            if (ClusterErrors.isUnreachable(e)) {
                return new Reachability(false, ClusterErrors.reason(e));
            }
            // It answered, if only to refuse: the network path is there.
            return new Reachability(true, ClusterErrors.reason(e));
        }
    }
}
