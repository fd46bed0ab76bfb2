import dev.waiver.app.HeapRelease;
import dev.waiver.app.cluster.ClientLogging;
import dev.waiver.app.cluster.ClientSettings;
import dev.waiver.app.cluster.ClusterConnector;
import dev.waiver.app.cluster.ClusterRead;
import dev.waiver.app.cluster.ClusterReader;
import dev.waiver.app.cluster.ClusterWorkspaces;
import dev.waiver.app.cluster.Kubeconfigs;
import dev.waiver.app.cluster.ReadScope;
import dev.waiver.app.cluster.SnapshotStore;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Register;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/// Loading 10k PolicyExceptions from an API server (design.md section 7: ≤ 5 s, paginated, and ≤ 250 MB
/// resident with them loaded).
///
/// This JVM serves them with fabric8's mock in expectations mode, 20 pages of 500 with continue tokens (so
/// paging is real); objects look like a real server's, with `managedFields` and kubectl's last-applied
/// annotation. A second JVM, started with the app's JVM flags (the `-X` options of `jpackage.cfg`), reads
/// them the way the app does (discovery, pages, policies, namespaces), builds the workspace and assesses
/// the register, so its memory is the loader's alone. The time is from the first request to the assessed
/// register. Four loads: the first is cold (class loading, JIT). After each, the loader releases the
/// heap the way the window does ([HeapRelease], two seconds after the load) and reports memory again.
///
/// Run: bench/run --test-classpath ClusterLoadBenchmark
/// (`LOADER_JAVA_OPTIONS="-Xms32m"` adds JVM options to the loading JVM, to see how heap sizing moves RSS;
/// `LOADER_APP_FLAGS=0` leaves out the app's flags)
public final class ClusterLoadBenchmark {

    private static final int EXCEPTIONS = 10_000;
    private static final int PAGE = 500;
    private static final String PATH = "/apis/kyverno.io/v2/policyexceptions";
    private static final String[] NAMESPACES = {"payments", "checkout", "data-platform", "ml-training", "observability",
            "ingress", "kube-system", "ci-runners", "search", "identity", "billing", "mobile-api"};
    private static final String[] POLICIES = {"disallow-privileged-containers", "disallow-host-path", "disallow-latest-tag",
            "require-pod-requests-limits", "require-probes", "restrict-image-registries"};

    /// Held, so the levels stick: java.util.logging forgets loggers no one references.
    private static final Logger QUIET = Logger.getLogger("io.fabric8");

    public static void main(String[] args) throws Exception {
        QUIET.setLevel(Level.SEVERE);
        if (args.length > 1 && args[0].equals("load")) {
            load(args[1]);
            return;
        }
        System.out.printf("java %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        KubernetesMockServer server = serve(EXCEPTIONS);
        try {
            Process loader = startLoader(server.url("/"));
            int code = loader.waitFor();
            if (code != 0) {
                throw new IllegalStateException("the loading JVM failed with exit code " + code);
            }
        } finally {
            server.destroy();
        }
    }

    /// The loading side runs in a JVM of its own, started the way the app is (serial GC, no compiler
    /// loaded, which this source-file launch has), so its resident memory is the app's, not the harness's.
    private static Process startLoader(String url) throws IOException {
        Path classes = Files.createTempDirectory("waiver-bench-classes");
        var javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                System.getProperty("jdk.launcher.sourcefile"));
        if (compiled != 0) {
            throw new IllegalStateException("could not compile the benchmark");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        if (!"0".equals(System.getenv("LOADER_APP_FLAGS"))) {
            command.addAll(appJvmFlags());
        } else {
            command.add("-XX:+UseSerialGC");
        }
        String extra = System.getenv().getOrDefault("LOADER_JAVA_OPTIONS", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.addAll(List.of("-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
                "ClusterLoadBenchmark", "load", url));
        System.out.println("loading JVM: " + String.join(" ", command.subList(1, command.indexOf("-cp"))));
        return new ProcessBuilder(command).inheritIO().start();
    }

    /// The `-X…` JVM options the packaged app starts with, from `jpackage.cfg` (the one list both launchers
    /// follow).
    private static List<String> appJvmFlags() throws IOException {
        Path cfg = Path.of(System.getProperty("jdk.launcher.sourcefile")).toAbsolutePath().getParent().resolveSibling("jpackage.cfg");
        var flags = new ArrayList<String>();
        var option = java.util.regex.Pattern.compile("^--java-options \"(-X[^\"]*)\"$");
        for (String line : Files.readAllLines(cfg)) {
            var m = option.matcher(line.strip());
            if (m.matches()) {
                flags.add(m.group(1));
            }
        }
        return flags;
    }

    private static void load(String url) throws Exception {
        ClientLogging.quiet();
        Path dir = Files.createTempDirectory("waiver-bench");
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: bench
                clusters: [{name: bench, cluster: {server: "%s"}}]
                users: [{name: bench, user: {token: bench}}]
                contexts: [{name: bench, context: {cluster: bench, user: bench}}]
                """.formatted(url));
        System.out.printf("rss %d MB before loading%n", rssMb("VmRSS"));
        Workspace kept = null;
        for (int run = 1; run <= 4; run++) {
            kept = null; // one register held at a time, as in the app
            try (var connector = new ClusterConnector(Kubeconfigs.load(List.of(kubeconfig)), ClientSettings.defaults())) {
                long t0 = System.nanoTime();
                ClusterRead read = new ClusterReader("bench", connector.client("bench"), Clock.systemUTC())
                        .read(ReadScope.register(), p -> { });
                long listed = System.nanoTime();
                Workspace workspace = ClusterWorkspaces.live(read);
                Register register = Register.assess(workspace.exemptions(), workspace.policies(), Instant.now());
                long assessed = System.nanoTime();
                SnapshotStore.in(dir).save(read);
                long saved = System.nanoTime();
                if (register.entries().size() != EXCEPTIONS) {
                    throw new IllegalStateException("read " + register.entries().size() + " exceptions");
                }
                System.out.printf("load %d (%s): %,d exceptions, register in %d ms (lists %d ms, workspace + assess %d ms);"
                                + " snapshot saved in %d ms; rss %d MB%n", run, run == 1 ? "cold" : "warm",
                        register.entries().size(), ms(assessed - t0), ms(listed - t0), ms(assessed - listed),
                        ms(saved - assessed), rssMb("VmRSS"));
                System.out.printf("    heap committed %d MB%n", Runtime.getRuntime().totalMemory() >> 20);
                HeapRelease.afterLoad(run == 1 ? 0 : EXCEPTIONS, register.entries().size());
                Thread.sleep(2_500);
                System.out.printf("    2.5 s later (heap released as in the window): rss %d MB, heap committed %d MB%n",
                        rssMb("VmRSS"), Runtime.getRuntime().totalMemory() >> 20);
                kept = workspace;
            }
        }
        System.gc();
        System.out.printf("with %,d exceptions held: rss %d MB after GC, peak rss %d MB, heap used %d MB%n",
                kept.exemptions().size(), rssMb("VmRSS"), rssMb("VmHWM"),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    private static KubernetesMockServer serve(int count) {
        var server = new KubernetesMockServer(false);
        server.init();
        var json = new KubernetesSerialization();
        var random = new Random(42);
        var items = new ArrayList<GenericKubernetesResource>();
        for (int i = 0; i < count; i++) {
            items.add(json.convertValue(exception(i, random), GenericKubernetesResource.class));
        }
        server.expect().get().withPath("/apis/kyverno.io/v2").andReturn(200, new APIResourceListBuilder()
                .withGroupVersion("kyverno.io/v2").withResources(new APIResourceBuilder().withName("policyexceptions")
                        .withKind("PolicyException").withNamespaced(true).build()).build()).always();
        server.expect().get().withPath("/apis/kyverno.io/v1").andReturn(200, new APIResourceListBuilder()
                .withGroupVersion("kyverno.io/v1").withResources(
                        new APIResourceBuilder().withName("clusterpolicies").withKind("ClusterPolicy").build(),
                        new APIResourceBuilder().withName("policies").withKind("Policy").withNamespaced(true).build()).build())
                .always();
        for (String empty : List.of("/apis/kyverno.io/v1/clusterpolicies?limit=500", "/apis/kyverno.io/v1/policies?limit=500",
                "/api/v1/namespaces?limit=500")) {
            server.expect().get().withPath(empty).andReturn(200, page(List.of(), null)).always();
        }
        for (int from = 0; from < count; from += PAGE) {
            String query = from == 0 ? "?limit=500" : "?continue=page-" + from + "&limit=500";
            String next = from + PAGE < count ? "page-" + (from + PAGE) : null;
            server.expect().get().withPath(PATH + query)
                    .andReturn(200, json.asJson(page(items.subList(from, Math.min(count, from + PAGE)), next))).always();
        }
        return server;
    }

    private static GenericKubernetesResourceList page(List<GenericKubernetesResource> items, String next) {
        var list = new GenericKubernetesResourceList();
        list.setApiVersion("kyverno.io/v2");
        list.setKind("PolicyExceptionList");
        list.setItems(items);
        list.setMetadata(new ListMetaBuilder().withResourceVersion("987654").withContinue(next).build());
        return list;
    }

    /// A PolicyException as a real server returns it: uid, versions, managedFields, last-applied.
    private static Map<String, Object> exception(int i, Random random) {
        String ns = NAMESPACES[random.nextInt(NAMESPACES.length)];
        String policy = POLICIES[random.nextInt(POLICIES.length)];
        Instant end = Instant.parse("2026-11-23T12:00:00Z").plus(Duration.ofHours(random.nextInt(24 * 120) - 24 * 40));
        var spec = new LinkedHashMap<String, Object>();
        spec.put("exceptions", List.of(Map.of("policyName", policy, "ruleNames", List.of(policy + "-rule", "autogen-" + policy + "-rule"))));
        spec.put("match", Map.of("any", List.of(Map.of("resources", Map.of("kinds", List.of("Pod", "Deployment"),
                "namespaces", List.of(ns), "names", List.of("svc-" + i + "-*"))))));
        spec.put("conditions", Map.of("all", List.of(Map.of("key", "{{ time_before('{{ time_now_utc() }}', '" + end + "') }}",
                "operator", "Equals", "value", true))));
        var annotations = new LinkedHashMap<String, Object>();
        annotations.put("waiver.dev/requestor", "dev" + random.nextInt(400) + "@example.com");
        annotations.put("waiver.dev/ticket", "SEC-" + (1000 + random.nextInt(9000)));
        annotations.put("waiver.dev/reason", "workload " + i + " needs " + policy + " relaxed until the vendor ships a fix");
        annotations.put("waiver.dev/expires", end.toString());
        annotations.put("kubectl.kubernetes.io/last-applied-configuration", "{\"apiVersion\":\"kyverno.io/v2\",\"kind\":"
                + "\"PolicyException\",\"metadata\":{\"name\":\"exception-" + i + "\",\"namespace\":\"" + ns + "\"},\"spec\":"
                + spec.toString().replace('=', ':') + "}");
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("name", "exception-" + i);
        metadata.put("namespace", ns);
        metadata.put("uid", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        metadata.put("resourceVersion", String.valueOf(100_000 + i));
        metadata.put("generation", 1);
        metadata.put("creationTimestamp", "2026-09-01T08:00:00Z");
        metadata.put("annotations", annotations);
        metadata.put("managedFields", List.of(Map.of("manager", "kubectl-client-side-apply", "operation", "Update",
                "apiVersion", "kyverno.io/v2", "time", "2026-09-01T08:00:00Z", "fieldsType", "FieldsV1",
                "fieldsV1", Map.of("f:metadata", Map.of("f:annotations", Map.of(".", Map.of(),
                        "f:kubectl.kubernetes.io/last-applied-configuration", Map.of(), "f:waiver.dev/reason", Map.of(),
                        "f:waiver.dev/requestor", Map.of(), "f:waiver.dev/ticket", Map.of())),
                        "f:spec", Map.of(".", Map.of(), "f:conditions", Map.of(), "f:exceptions", Map.of(), "f:match", Map.of())))));
        var tree = new LinkedHashMap<String, Object>();
        tree.put("apiVersion", "kyverno.io/v2");
        tree.put("kind", "PolicyException");
        tree.put("metadata", metadata);
        tree.put("spec", spec);
        return tree;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long rssMb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
