package dev.waiver.app.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/// fabric8's mock API server on loopback, and a client that reaches it the way the app reaches a real
/// cluster: through a kubeconfig file whose user has a bearer token. The token is a known string, so
/// tests can assert it never leaks into a message; the file stays in place so that fabric8's 401 handling
/// can re-read it, as it re-reads a real kubeconfig.
final class LoopbackApiServer implements AutoCloseable {

    static final String TOKEN = "sha256~WaiverTestToken-9f2c41d7e";
    static final String KUBECONFIG_USER = "alice-on-dev";
    static final String CONTEXT = "dev";
    /// Held so the level sticks: the mock logs every request at INFO, which buries test failures.
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(Level.WARNING);
    }

    final KubernetesMockServer server;
    final KubernetesClient client;
    private final Path kubeconfig;
    private int taken;

    private LoopbackApiServer(boolean crud, int requestTimeoutMillis) {
        server = crud
                ? new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                        new KubernetesCrudDispatcher(), false)
                : new KubernetesMockServer(false);
        server.init();
        kubeconfig = writeKubeconfig(server.url("/"));
        client = clientFor(kubeconfig, requestTimeoutMillis);
    }

    /// CRUD mode: stores what is written, answers 409 on stale updates; ignores delete preconditions,
    /// authentication and access reviews.
    static LoopbackApiServer crud() {
        return new LoopbackApiServer(true, 10_000);
    }

    /// Expectations mode: answers only what a test stubbed (`server.expect()`), 404 to anything else.
    static LoopbackApiServer expectations() {
        return new LoopbackApiServer(false, 10_000);
    }

    static LoopbackApiServer expectations(int requestTimeoutMillis) {
        return new LoopbackApiServer(false, requestTimeoutMillis);
    }

    /// A client whose kubeconfig names a loopback port nothing listens on.
    static KubernetesClient unreachableClient() {
        Path file = writeKubeconfig(TestCluster.unreachableUrl());
        return clientFor(file, 2_000);
    }

    static String objectPath(String namespace, String name) {
        return "/apis/kyverno.io/v2/namespaces/" + namespace + "/policyexceptions/" + name;
    }

    static String collectionPath(String namespace) {
        return "/apis/kyverno.io/v2/namespaces/" + namespace + "/policyexceptions";
    }

    /// A request as the server received it.
    record Received(String method, String path, String body, String authorization) {
        String line() {
            return method + " " + path;
        }
    }

    /// The request lines (`PUT /apis/…`) received since the last call.
    List<String> takeRequestLines() {
        return takeRequests().stream().map(Received::line).toList();
    }

    /// The requests the server received since the last call.
    List<Received> takeRequests() {
        var seen = new ArrayList<Received>();
        int count = server.getRequestCount();
        for (int i = taken; i < count; i++) {
            try {
                var request = server.takeRequest();
                seen.add(new Received(request.getMethod(), request.getPath(), request.getUtf8Body(),
                        request.getHeader("Authorization")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        taken = count;
        return seen;
    }

    private static Path writeKubeconfig(String serverUrl) {
        try {
            Path file = Files.createTempFile("waiver-kubeconfig", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: loopback
                      cluster: {server: "%s"}
                    users:
                    - name: %s
                      user: {token: "%s"}
                    contexts:
                    - name: %s
                      context: {cluster: loopback, user: %s, namespace: delta}
                    current-context: %s
                    """.formatted(serverUrl, KUBECONFIG_USER, TOKEN, CONTEXT, KUBECONFIG_USER, CONTEXT));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KubernetesClient clientFor(Path kubeconfig, int requestTimeoutMillis) {
        Config config = Config.fromKubeconfig(kubeconfig.toFile());
        config.setRequestTimeout(requestTimeoutMillis);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
        try {
            Files.deleteIfExists(kubeconfig);
        } catch (IOException ignored) {
            // a temp file; deleteOnExit catches it
        }
    }
}
