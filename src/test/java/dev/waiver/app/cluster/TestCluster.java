package dev.waiver.app.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/// An API server for the cluster tests: fabric8's mock in CRUD mode over HTTP on loopback with Kyverno's
/// CRDs registered, or, with `-Dwaiver.realCluster=true` (the `real-cluster` Maven profile), the cluster
/// that `KUBECONFIG` names, where every test object goes into a throwaway `waiver-test-…` namespace and
/// test ClusterPolicies carry the same suffix, all deleted afterwards.
public final class TestCluster implements AutoCloseable {

    public static final String TOKEN = "waiver-test-token-4f1c9e2a7b";
    /// The mock logs every request and a dying server's sockets; held so the quieter levels stick.
    private static final List<java.util.logging.Logger> QUIET = List.of(java.util.logging.Logger.getLogger("io.fabric8"),
            java.util.logging.Logger.getLogger("io.vertx"), java.util.logging.Logger.getLogger("io.netty"));

    static {
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
    }

    private final Optional<KubernetesMockServer> server;
    private final KubernetesClient admin;
    private final String namespace;
    private final String suffix;
    private final List<String> clusterPolicies = new ArrayList<>();
    private boolean killed;

    private TestCluster(Optional<KubernetesMockServer> server, KubernetesClient admin, String suffix) {
        this.server = server;
        this.admin = admin;
        this.suffix = suffix;
        this.namespace = "waiver-test-" + suffix;
    }

    public static boolean real() {
        return Boolean.getBoolean("waiver.realCluster");
    }

    public static TestCluster start() {
        return start(new KubernetesCrudDispatcher());
    }

    /// On the mock, served by `dispatcher` (a [DroppableWatches] lets a test end watches); on a real
    /// cluster the dispatcher is not used.
    static TestCluster start(KubernetesCrudDispatcher dispatcher) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        if (real()) {
            var client = new KubernetesClientBuilder().withConfig(Config.autoConfigure(null)).build();
            var cluster = new TestCluster(Optional.empty(), client, suffix);
            cluster.registerCrds();
            cluster.admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(cluster.namespace)
                    .endMetadata().build()).create();
            return cluster;
        }
        var mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        mock.init();
        var cluster = new TestCluster(Optional.of(mock), mock.createClient(), suffix);
        cluster.registerCrds();
        cluster.admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(cluster.namespace)
                .endMetadata().build()).create();
        return cluster;
    }

    public KubernetesClient admin() {
        return admin;
    }

    public String namespace() {
        return namespace;
    }

    /// The API server's address.
    public String url() {
        return admin.getConfiguration().getMasterUrl();
    }

    Optional<KubernetesMockServer> mock() {
        return server;
    }

    /// The paths of the requests the mock received since the last call (or since it started).
    public List<String> takeRequestPaths() throws InterruptedException {
        var mock = server.orElseThrow(() -> new IllegalStateException("a real cluster keeps no record of requests"));
        var paths = new ArrayList<String>();
        for (var r = mock.takeRequest(10, java.util.concurrent.TimeUnit.MILLISECONDS); r != null;
             r = mock.takeRequest(10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            paths.add(r.getPath());
        }
        return paths;
    }

    /// Stops the mock server, as a cluster behind a VPN that just went down.
    ///
    /// The mock's server closes gracefully: it waits for its open connections to end, and `destroy` gives
    /// up waiting after 10 s while the close goes on (on a loaded machine a client's lingering keep-alive
    /// connection can take longer). The cluster counts as dead once no new connection gets through,
    /// which is waited for (30 s more at most) instead.
    public void kill() {
        var mock = server.orElseThrow(() -> new IllegalStateException("cannot kill a real cluster"));
        try {
            mock.destroy();
        } catch (IllegalStateException slowToClose) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (accepts(mock)) {
                if (System.nanoTime() > deadline) {
                    throw slowToClose;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw slowToClose;
                }
            }
        }
        killed = true;
    }

    private static boolean accepts(KubernetesMockServer mock) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(mock.getHostName(), mock.getPort()), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /// A kubeconfig with one context per named server, a bearer token for each user; the first is current.
    /// On a real cluster: the kubeconfig `KUBECONFIG` names, with its current context.
    public static Path kubeconfig(Path dir, Map<String, String> contextToServer) {
        try {
            var yaml = new StringBuilder("apiVersion: v1\nkind: Config\n");
            yaml.append("current-context: ").append(contextToServer.keySet().iterator().next()).append('\n');
            yaml.append("clusters:\n");
            contextToServer.forEach((ctx, url) -> yaml.append("- name: ").append(ctx).append("-cluster\n  cluster:\n    server: ")
                    .append(url).append('\n'));
            yaml.append("users:\n");
            contextToServer.forEach((ctx, url) -> yaml.append("- name: ").append(ctx).append("-user\n  user:\n    token: ")
                    .append(TOKEN).append('\n'));
            yaml.append("contexts:\n");
            contextToServer.forEach((ctx, url) -> yaml.append("- name: ").append(ctx).append("\n  context:\n    cluster: ")
                    .append(ctx).append("-cluster\n    user: ").append(ctx).append("-user\n    namespace: team-").append(ctx).append('\n'));
            Path file = dir.resolve("kubeconfig");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// How the app reaches this cluster: through a kubeconfig file, as the app would. On the mock, a
    /// generated kubeconfig whose one context is `context`; on a real cluster, `KUBECONFIG`'s current context.
    public Connection connect(Path dir, String context) {
        if (real()) {
            Kubeconfigs kubeconfigs = Kubeconfigs.find(Optional.empty());
            String current = kubeconfigs.current().orElseThrow().name();
            return new Connection(new ClusterConnector(kubeconfigs, ClientSettings.defaults()), current,
                    kubeconfigs.files().getFirst());
        }
        Path file = kubeconfig(dir, Map.of(context, url()));
        return new Connection(new ClusterConnector(Kubeconfigs.load(List.of(file)), fast()), context, file);
    }

    public record Connection(ClusterConnector connector, String context, Path kubeconfig) implements AutoCloseable {
        public ClusterReader reader() {
            return connector.reader(context, java.time.Clock.systemUTC());
        }

        @Override
        public void close() {
            connector.close();
        }
    }

    /// Settings short enough that a dead server is noticed within a test's patience.
    public static ClientSettings fast() {
        return new ClientSettings(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(3), 0);
    }

    MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> exceptions() {
        return admin.genericKubernetesResources(ResourceType.POLICY_EXCEPTION.definition("v2"));
    }

    /// The PolicyExceptions in the test namespace as the server holds them, as plain maps.
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> exceptionsHeld() {
        return exceptions().inNamespace(namespace).list().getItems().stream()
                .map(r -> (Map<String, Object>) admin.getKubernetesSerialization().convertValue(r, Map.class)).toList();
    }

    public GenericKubernetesResource createException(String name, String policy, String... rules) {
        return exceptions().inNamespace(namespace).resource(exception(name, policy, rules)).create();
    }

    /// Deletes a PolicyException of the test namespace, as someone else would.
    public void deleteException(String name) {
        exceptions().inNamespace(namespace).withName(name).delete();
    }

    /// The address of a loopback port nothing listens on: a cluster behind a VPN that is down.
    public static String unreachableUrl() {
        try (var socket = new java.net.ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GenericKubernetesResource exception(String name, String policy, String... rules) {
        return new GenericKubernetesResourceBuilder().withApiVersion("kyverno.io/v2").withKind("PolicyException")
                .withNewMetadata().withName(name).withNamespace(namespace)
                .addToAnnotations("waiver.dev/requestor", "ana@example.com").endMetadata()
                .addToAdditionalProperties("spec", Map.of(
                        "exceptions", List.of(Map.of("policyName", policy, "ruleNames", List.of(rules))),
                        "match", Map.of("any", List.of(Map.of("resources", Map.of("kinds", List.of("Pod"),
                                "namespaces", List.of(namespace)))))))
                .build();
    }

    /// A ClusterPolicy named `name-<suffix>`, so a real cluster's own policies are never touched.
    public String createClusterPolicy(String name, String category) {
        String full = name + "-" + suffix;
        var policy = new GenericKubernetesResourceBuilder().withApiVersion("kyverno.io/v1").withKind("ClusterPolicy")
                .withNewMetadata().withName(full).addToAnnotations("policies.kyverno.io/category", category).endMetadata()
                .addToAdditionalProperties("spec", Map.of("validationFailureAction", "Audit", "rules", List.of(Map.of(
                        "name", "check", "match", Map.of("any", List.of(Map.of("resources", Map.of("kinds", List.of("Pod"))))),
                        "validate", Map.of("message", "no", "pattern", Map.of("metadata", Map.of("name", "?*")))))))
                .build();
        admin.genericKubernetesResources(ResourceType.CLUSTER_POLICY.definition("v1")).resource(policy).create();
        clusterPolicies.add(full);
        return full;
    }

    /// Creates the object a YAML document describes (any kind Waiver reads).
    public void apply(ResourceType type, String yaml) {
        var object = admin.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        String version = object.getApiVersion().substring(object.getApiVersion().indexOf('/') + 1);
        var ops = admin.genericKubernetesResources(type.definition(version));
        if (type.namespaced()) {
            ops.inNamespace(namespace).resource(object).create();
        } else {
            ops.resource(object).create();
            if (type == ResourceType.CLUSTER_POLICY) {
                clusterPolicies.add(object.getMetadata().getName());
            }
        }
    }

    private void registerCrds() {
        var crds = admin.apiextensions().v1().customResourceDefinitions();
        for (var crd : List.of(
                crd(ResourceType.POLICY_EXCEPTION, "v2", "v2beta1"),
                crd(ResourceType.CLUSTER_POLICY, "v1"),
                crd(ResourceType.POLICY, "v1"),
                crd(ResourceType.POLICY_REPORT, "v1alpha2"),
                crd(ResourceType.CLUSTER_POLICY_REPORT, "v1alpha2"))) {
            if (crds.withName(crd.getMetadata().getName()).get() == null) {
                if (real()) {
                    throw new IllegalStateException("the real cluster lacks " + crd.getMetadata().getName()
                            + ": install Kyverno (and the policy-report CRDs) first");
                }
                crds.resource(crd).create();
            }
        }
    }

    private static CustomResourceDefinition crd(ResourceType type, String... versions) {
        var spec = new CustomResourceDefinitionBuilder().withNewMetadata().withName(type.resourceName()).endMetadata()
                .withNewSpec().withGroup(type.group()).withScope(type.namespaced() ? "Namespaced" : "Cluster")
                .withNewNames().withKind(type.kind()).withPlural(type.plural()).withSingular(type.kind().toLowerCase())
                .endNames();
        for (int i = 0; i < versions.length; i++) {
            spec = spec.addNewVersion().withName(versions[i]).withServed(true).withStorage(i == 0).endVersion();
        }
        return spec.endSpec().build();
    }

    @Override
    public void close() {
        try {
            if (!killed) {
                clusterPolicies.forEach(p -> admin.genericKubernetesResources(ResourceType.CLUSTER_POLICY.definition("v1"))
                        .withName(p).delete());
                admin.namespaces().withName(namespace).delete();
            }
        } finally {
            admin.close();
            server.ifPresent(KubernetesMockServer::destroy);
        }
    }
}
