package dev.waiver.app.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// One fabric8 client per kubeconfig context, made on first use and shared by everything that talks to
/// that cluster (reader, watch, writer), and closed together.
public final class ClusterConnector implements AutoCloseable {

    private final Kubeconfigs kubeconfigs;
    private final ClientSettings settings;
    private final Map<String, KubernetesClient> clients = new LinkedHashMap<>();

    public ClusterConnector(Kubeconfigs kubeconfigs, ClientSettings settings) {
        this.kubeconfigs = kubeconfigs;
        this.settings = settings;
    }

    public Kubeconfigs kubeconfigs() {
        return kubeconfigs;
    }

    /// The context's client; builds it (running an exec plugin if the kubeconfig has one) the first time.
    public synchronized KubernetesClient client(String context) {
        KubernetesClient client = clients.get(context);
        if (client == null) {
            client = kubeconfigs.client(context, settings);
            clients.put(context, client);
        }
        return client;
    }

    public ClusterReader reader(String context, Clock clock) {
        return new ClusterReader(context, client(context), clock);
    }

    @Override
    public void close() {
        List<KubernetesClient> open;
        synchronized (this) {
            open = new ArrayList<>(clients.values());
            clients.clear();
        }
        open.forEach(KubernetesClient::close);
    }
}
