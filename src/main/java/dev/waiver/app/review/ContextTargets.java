package dev.waiver.app.review;

import dev.waiver.app.cluster.ClientSettings;
import dev.waiver.app.cluster.ClusterConnector;
import dev.waiver.app.cluster.ExceptionNamespace;
import dev.waiver.app.cluster.ExceptionNamespaces;
import dev.waiver.app.cluster.KubeContext;
import dev.waiver.app.cluster.KubeconfigException;
import dev.waiver.app.cluster.Kubeconfigs;
import dev.waiver.app.settings.Settings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/// Opens [ClusterTarget]s for the contexts of the user's kubeconfig: one fabric8 client per context,
/// made on first use and closed with this.
///
/// The kubeconfig is found only when a context is first opened, so a workflow that never touches a
/// cluster needs none. A missing kubeconfig or context is one line for the user, never the file's content.
public final class ContextTargets implements AutoCloseable {

    private final Supplier<Kubeconfigs> kubeconfigs;
    private final Path settingsFile;
    private final ClientSettings clientSettings;
    private ClusterConnector connector;

    /// @param kubeconfigs  finds the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`);
    ///                     may throw [KubeconfigException]
    /// @param settingsFile the data folder's settings, read when a context is opened for its exceptions namespace
    public ContextTargets(Supplier<Kubeconfigs> kubeconfigs, Path settingsFile, ClientSettings clientSettings) {
        this.kubeconfigs = kubeconfigs;
        this.settingsFile = settingsFile;
        this.clientSettings = clientSettings;
    }

    public ClusterTarget open(String contextName) throws TargetWriteException {
        try {
            ClusterConnector clusters = connector();
            KubeContext context = clusters.kubeconfigs().context(contextName);
            KubernetesClient client = clusters.client(contextName);
            return ClusterTarget.over(contextName, client, context.user().orElse(null),
                    () -> exceptionNamespace(client, contextName));
        } catch (KubeconfigException e) {
            throw new TargetWriteException(e.getMessage(), e);
        }
    }

    /// The user's setting for the context, else Kyverno's `--exceptionNamespace`; never a guess from where
    /// other exceptions happen to be, which would move a request the requester placed on purpose.
    private Optional<String> exceptionNamespace(KubernetesClient client, String context) {
        ExceptionNamespace chosen = ExceptionNamespaces.resolve(ExceptionNamespace.unset(), Settings.load(settingsFile), context);
        return chosen.namespace().or(() -> ExceptionNamespaces.detect(client, List.of()).namespace());
    }

    private synchronized ClusterConnector connector() {
        if (connector == null) {
            connector = new ClusterConnector(kubeconfigs.get(), clientSettings);
        }
        return connector;
    }

    @Override
    public synchronized void close() {
        if (connector != null) {
            connector.close();
            connector = null;
        }
    }
}
