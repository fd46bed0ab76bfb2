import dev.waiver.app.workspace.YamlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/// Realistic Kubernetes workloads for the evaluation benchmark, the same for the same count and seed.
///
/// The mix: Deployments 38%, Pods 20%, Services 12%, Jobs 9%, StatefulSets 8%, CronJobs 8%, DaemonSets 5%,
/// across twelve namespaces (`default` now and then,
/// and a few objects with no namespace at all, which land in `default`). Pod specs have one to three
/// containers, sometimes an init container (database migrations, Istio's `istio-init` with NET_ADMIN and
/// NET_RAW), images from the allowed registries and from Docker Hub (some `:latest`, some untagged, some
/// pinned by digest), requests and limits (sometimes missing), probes (sometimes missing), and one of four
/// security postures: hardened (restricted-profile clean), partial, none, and node-agent style privileged
/// (host network and PID, hostPath volumes including container runtime sockets, host ports, added
/// capabilities). A few odd settings appear rarely (an unconfined seccomp profile, a custom SELinux type,
/// an AppArmor annotation, an unsafe sysctl). So every policy of the benchmark sees passes and failures.
///
/// [#exceptions()] gives five PolicyExceptions (kyverno.io/v2, no review annotations: all honoured) that
/// turn some of those failures into skips, one with a podSecurity control list.
///
/// Run on its own to write a folder: bench/run ResourceGenerator 10000 /tmp/resources [seed]
public final class ResourceGenerator {

    /// Documents per file: a folder of manifests, not one huge file (Waiver reads at most 8 MiB per file).
    public static final int PER_FILE = 250;

    private static final String[] NAMESPACES = {"payments", "checkout", "data-platform", "ml-training", "observability",
            "ingress", "kube-system", "ci-runners", "search", "identity", "billing", "default"};
    private static final int[] NAMESPACE_WEIGHTS = {12, 10, 10, 8, 8, 6, 5, 8, 9, 8, 10, 3};
    private static final String[] APPS = {"api", "worker", "frontend", "gateway", "scheduler", "indexer", "consumer",
            "cache", "auth", "ledger", "notifier", "reporting", "legacy-batch", "search-proxy", "feature-store"};
    private static final String[] AGENTS = {"node-exporter", "fluent-bit", "cilium-agent", "csi-node", "falco"};
    private static final String[] TEAMS = {"core", "platform", "data", "growth", "sre"};
    private static final String[] HUB_IMAGES = {"nginx:1.27.2", "redis:7.2.5", "postgres:16.4", "busybox:1.36",
            "memcached:1.6.29", "rabbitmq:3.13-management"};

    private final Random random;
    private int serial;

    private ResourceGenerator(long seed) {
        this.random = new Random(seed);
    }

    /// `n` resources (workloads and Services), deterministic for the seed.
    public static List<Map<String, Object>> resources(int n, long seed) {
        var g = new ResourceGenerator(seed);
        var out = new ArrayList<Map<String, Object>>(n);
        for (int i = 0; i < n; i++) {
            out.add(g.next());
        }
        return out;
    }

    /// Writes `n` resources to `dir` in files of [#PER_FILE] documents, and the exceptions to `exceptions.yaml`.
    ///
    /// @return bytes written
    public static long write(Path dir, int n, long seed) throws IOException {
        Files.createDirectories(dir);
        List<Map<String, Object>> all = resources(n, seed);
        long bytes = 0;
        for (int from = 0, file = 0; from < all.size(); from += PER_FILE, file++) {
            String text = YamlWriter.writeAll(all.subList(from, Math.min(all.size(), from + PER_FILE)));
            bytes += Files.write(dir.resolve(String.format("resources-%03d.yaml", file)),
                    text.getBytes(StandardCharsets.UTF_8)).toFile().length();
        }
        String exceptions = YamlWriter.writeAll(exceptions());
        bytes += Files.write(dir.resolve("exceptions.yaml"), exceptions.getBytes(StandardCharsets.UTF_8)).toFile().length();
        return bytes;
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        long bytes = write(dir, n, seed);
        System.out.printf("%,d resources and %d exceptions in %s (%.1f MB)%n", n, exceptions().size(), dir, bytes / 1e6);
    }

    // ---- one resource ------------------------------------------------------------------------------------

    private Map<String, Object> next() {
        int k = random.nextInt(100);
        serial++;
        if (k < 5) {
            return daemonSet();
        }
        String ns = weighted(NAMESPACES, NAMESPACE_WEIGHTS);
        String app = pick(APPS);
        String name = app + "-" + serial;
        if (k < 43) {
            return controller("apps/v1", "Deployment", ns, app, name, pod(ns, app, Posture.pick(random, false)));
        } else if (k < 63) {
            return bare(ns, app, name, pod(ns, app, Posture.pick(random, false)));
        } else if (k < 75) {
            return service(ns, app, name);
        } else if (k < 83) {
            return statefulSet(ns, app, name);
        } else if (k < 91) {
            return cronJob(ns, app, name);
        } else {
            return job(ns, app, name);
        }
    }

    private Map<String, Object> bare(String ns, String app, String name, Pod pod) {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("apiVersion", "v1");
        tree.put("kind", "Pod");
        var meta = metadata(ns, name, app, true);
        pod.annotations().forEach((key, v) -> annotations(meta).put(key, v));
        var labels = new LinkedHashMap<>(pod.labels());  // a bare Pod's labels are its template's: sometimes no app name
        labels.put("team", Trees.map(meta, "labels").get("team"));
        meta.put("labels", labels);
        tree.put("metadata", meta);
        tree.put("spec", pod.spec());
        return tree;
    }

    private Map<String, Object> controller(String apiVersion, String kind, String ns, String app, String name, Pod pod) {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("apiVersion", apiVersion);
        tree.put("kind", kind);
        tree.put("metadata", metadata(ns, name, app, true));
        var spec = new LinkedHashMap<String, Object>();
        if (!kind.equals("DaemonSet")) {
            spec.put("replicas", 1 + random.nextInt(6));
        }
        spec.put("selector", map("matchLabels", map("app.kubernetes.io/instance", name)));
        if (kind.equals("Deployment")) {
            spec.put("strategy", map("type", "RollingUpdate",
                    "rollingUpdate", map("maxSurge", "25%", "maxUnavailable", 0)));
        }
        pod.labels().put("app.kubernetes.io/instance", name);
        spec.put("template", template(pod));
        tree.put("spec", spec);
        return tree;
    }

    private Map<String, Object> daemonSet() {
        boolean agent = random.nextInt(100) < 70;
        String ns = agent ? (random.nextBoolean() ? "observability" : "kube-system") : weighted(NAMESPACES, NAMESPACE_WEIGHTS);
        String app = agent ? pick(AGENTS) : pick(APPS);
        Posture posture = agent && random.nextInt(100) < 75 ? Posture.PRIVILEGED : Posture.pick(random, false);
        return controller("apps/v1", "DaemonSet", ns, app, app + "-" + serial, pod(ns, app, posture));
    }

    private Map<String, Object> statefulSet(String ns, String app, String name) {
        var tree = controller("apps/v1", "StatefulSet", ns, app, name, pod(ns, app, Posture.pick(random, false)));
        var spec = Trees.map(tree, "spec");
        spec.put("serviceName", name);
        spec.put("volumeClaimTemplates", List.of(map(
                "metadata", map("name", "data"),
                "spec", map("accessModes", List.of("ReadWriteOnce"), "storageClassName", "ssd",
                        "resources", map("requests", map("storage", (10 * (1 + random.nextInt(20))) + "Gi"))))));
        return tree;
    }

    private Map<String, Object> job(String ns, String app, String name) {
        Pod pod = pod(ns, app, Posture.pick(random, true));
        pod.spec().put("restartPolicy", "Never");
        var tree = new LinkedHashMap<String, Object>();
        tree.put("apiVersion", "batch/v1");
        tree.put("kind", "Job");
        tree.put("metadata", metadata(ns, name, app, true));
        tree.put("spec", map("backoffLimit", 3, "ttlSecondsAfterFinished", 3600, "template", template(pod)));
        return tree;
    }

    private Map<String, Object> cronJob(String ns, String app, String name) {
        Pod pod = pod(ns, app, Posture.pick(random, true));
        pod.spec().put("restartPolicy", "OnFailure");
        var tree = new LinkedHashMap<String, Object>();
        // An old chart now and then still ships batch/v1beta1 (check-deprecated-apis fails it).
        tree.put("apiVersion", random.nextInt(100) < 6 ? "batch/v1beta1" : "batch/v1");
        tree.put("kind", "CronJob");
        tree.put("metadata", metadata(ns, name, app, true));
        tree.put("spec", map(
                "schedule", random.nextInt(60) + " " + random.nextInt(24) + " * * *",
                "concurrencyPolicy", "Forbid",
                "successfulJobsHistoryLimit", 3,
                "jobTemplate", map("spec", map("backoffLimit", 2, "template", template(pod)))));
        return tree;
    }

    private Map<String, Object> service(String ns, String app, String name) {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("apiVersion", "v1");
        tree.put("kind", "Service");
        tree.put("metadata", metadata(ns, name, app, false));
        var spec = new LinkedHashMap<String, Object>();
        int t = random.nextInt(100);
        if (t < 10) {
            spec.put("type", "NodePort");
        } else if (t < 15) {
            spec.put("type", "LoadBalancer");
        } else if (t < 50) {
            spec.put("type", "ClusterIP");
        }
        spec.put("selector", map("app.kubernetes.io/name", app));
        var port = map("name", "http", "port", 80, "targetPort", "http", "protocol", "TCP");
        if ("NodePort".equals(spec.get("type"))) {
            port.put("nodePort", 30000 + random.nextInt(2768));
        }
        spec.put("ports", List.of(port));
        tree.put("spec", spec);
        return tree;
    }

    private Map<String, Object> metadata(String ns, String name, String app, boolean annotate) {
        var meta = new LinkedHashMap<String, Object>();
        meta.put("name", name);
        if (!(ns.equals("default") && random.nextBoolean())) {  // half of `default` is implicit
            meta.put("namespace", ns);
        }
        meta.put("labels", map("app.kubernetes.io/name", app, "app.kubernetes.io/part-of", ns,
                "app.kubernetes.io/managed-by", random.nextInt(4) == 0 ? "kustomize" : "Helm",
                "team", pick(TEAMS)));
        if (annotate && random.nextInt(3) == 0) {
            annotations(meta).put("meta.helm.sh/release-name", app);
            annotations(meta).put("meta.helm.sh/release-namespace", ns);
        }
        return meta;
    }

    private static Map<String, Object> template(Pod pod) {
        var meta = new LinkedHashMap<String, Object>();
        meta.put("labels", pod.labels());
        if (!pod.annotations().isEmpty()) {
            meta.put("annotations", pod.annotations());
        }
        return map("metadata", meta, "spec", pod.spec());
    }

    // ---- the pod ------------------------------------------------------------------------------------------

    /// What a pod spec looks like from the security side.
    enum Posture {
        HARDENED, PARTIAL, NONE, PRIVILEGED;

        static Posture pick(Random random, boolean batch) {
            int p = random.nextInt(100);
            if (p < 52) {
                return HARDENED;
            } else if (p < 82) {
                return PARTIAL;
            } else if (p < (batch ? 100 : 95)) {
                return NONE;
            }
            return PRIVILEGED;
        }
    }

    private record Pod(Map<String, Object> labels, Map<String, Object> annotations, Map<String, Object> spec) {
    }

    private Pod pod(String ns, String app, Posture posture) {
        var labels = new LinkedHashMap<String, Object>();
        if (random.nextInt(100) < 86) {  // require-labels fails the rest
            labels.put("app.kubernetes.io/name", app);
        }
        labels.put("app", app);
        labels.put("version", "v" + (1 + random.nextInt(4)));
        var annotations = new LinkedHashMap<String, Object>();
        boolean istio = posture != Posture.PRIVILEGED && random.nextInt(100) < 15;
        if (istio) {
            labels.put("sidecar.istio.io/inject", "true");
            annotations.put("sidecar.istio.io/status", "{\"initContainers\":[\"istio-init\"],\"containers\":[\"istio-proxy\"]}");
        }
        if (random.nextInt(100) < 3) {
            annotations.put("container.apparmor.security.beta.kubernetes.io/" + app, random.nextBoolean() ? "runtime/default" : "unconfined");
        }
        if (random.nextInt(100) < 20) {
            annotations.put("prometheus.io/scrape", "true");
            annotations.put("prometheus.io/port", "9090");
        }

        var spec = new LinkedHashMap<String, Object>();
        spec.put("serviceAccountName", app);
        var podSc = podSecurityContext(posture);
        if (!podSc.isEmpty()) {
            spec.put("securityContext", podSc);
        }
        if (posture == Posture.PRIVILEGED) {
            spec.put("hostNetwork", true);
            if (random.nextBoolean()) {
                spec.put("hostPID", true);
            }
            spec.put("dnsPolicy", "ClusterFirstWithHostNet");
            spec.put("tolerations", List.of(map("operator", "Exists")));
        } else if (random.nextInt(100) < 2) {
            spec.put("hostIPC", false);
        }
        var init = new ArrayList<Object>();
        if (istio) {
            init.add(istioInit());
        } else if (random.nextInt(100) < 10) {
            init.add(container("migrate", image(ns, app), posture, false, false));
        }
        if (!init.isEmpty()) {
            spec.put("initContainers", init);
        }
        var containers = new ArrayList<Object>();
        containers.add(container(app, image(ns, app), posture, true, posture == Posture.PRIVILEGED));
        if (istio) {
            containers.add(istioProxy());
        } else if (random.nextInt(100) < 20) {
            String sidecar = random.nextBoolean() ? "log-shipper" : "metrics";
            containers.add(container(sidecar, sidecar.equals("metrics") ? "bar.io/prom/statsd-exporter:v0.27.1"
                    : "docker.io/fluent/fluent-bit:" + (random.nextInt(10) == 0 ? "latest" : "3.1.4"), posture, false, false));
        }
        spec.put("containers", containers);
        var volumes = volumes(posture);
        if (!volumes.isEmpty()) {
            spec.put("volumes", volumes);
        }
        if (random.nextInt(100) < 30) {
            spec.put("nodeSelector", map("kubernetes.io/os", "linux"));
        }
        spec.put("terminationGracePeriodSeconds", 30);
        return new Pod(labels, annotations, spec);
    }

    private Map<String, Object> podSecurityContext(Posture posture) {
        var sc = new LinkedHashMap<String, Object>();
        switch (posture) {
            case HARDENED -> {
                sc.put("runAsNonRoot", true);
                sc.put("runAsUser", 10001);
                sc.put("runAsGroup", 10001);
                sc.put("fsGroup", 10001);
                sc.put("seccompProfile", map("type", "RuntimeDefault"));
            }
            case PARTIAL -> {
                if (random.nextBoolean()) {
                    sc.put("fsGroup", 2000);
                }
                if (random.nextInt(3) == 0) {
                    sc.put("runAsNonRoot", true);
                }
            }
            case PRIVILEGED -> sc.put("runAsUser", 0);
            case NONE -> {
            }
        }
        int odd = random.nextInt(200);
        if (odd == 0) {
            sc.put("seccompProfile", map("type", "Unconfined"));
        } else if (odd == 1) {
            sc.put("seLinuxOptions", map("type", "spc_t"));
        } else if (odd == 2) {
            sc.put("sysctls", List.of(map("name", "net.core.somaxconn", "value", "1024")));
        } else if (odd == 3) {
            sc.put("sysctls", List.of(map("name", "net.ipv4.ip_local_port_range", "value", "1024 65000")));
        }
        return sc;
    }

    private Map<String, Object> container(String name, String image, Posture posture, boolean main, boolean hostPort) {
        var c = new LinkedHashMap<String, Object>();
        c.put("name", name);
        c.put("image", image);
        c.put("imagePullPolicy", image.endsWith(":latest") ? "Always" : "IfNotPresent");
        if (main) {
            c.put("args", List.of("--port=8080", "--log-level=info"));
            var port = map("name", "http", "containerPort", 8080, "protocol", "TCP");
            if (hostPort) {
                port.put("hostPort", random.nextInt(4) == 0 ? 5050 : 9100);
            }
            c.put("ports", List.of(port));
            c.put("env", List.of(map("name", "LOG_FORMAT", "value", "json"),
                    map("name", "POD_NAMESPACE", "valueFrom", map("fieldRef", map("fieldPath", "metadata.namespace")))));
        }
        var resources = resources(main);
        if (!resources.isEmpty()) {
            c.put("resources", resources);
        }
        if (main) {
            int p = random.nextInt(100);
            if (p < 74) {
                c.put("livenessProbe", probe("/healthz", 10));
                c.put("readinessProbe", probe("/ready", 5));
            } else if (p < 82) {
                c.put("startupProbe", probe("/healthz", 5));
            }
        }
        var sc = containerSecurityContext(posture);
        if (!sc.isEmpty()) {
            c.put("securityContext", sc);
        }
        c.put("volumeMounts", List.of(map("name", "config", "mountPath", "/etc/" + name, "readOnly", true),
                map("name", "tmp", "mountPath", "/tmp")));
        return c;
    }

    private Map<String, Object> resources(boolean main) {
        int r = random.nextInt(100);
        if (r < 13) {
            return map();
        }
        int cpu = main ? 100 * (1 + random.nextInt(10)) : 50;
        int mem = main ? 128 * (1 + random.nextInt(16)) : 64;
        var requests = map("cpu", cpu + "m", "memory", mem + "Mi");
        if (r < 25) {
            return map("requests", requests);
        }
        var limits = new LinkedHashMap<String, Object>();
        if (random.nextBoolean()) {
            limits.put("cpu", cpu % 1000 == 0 ? String.valueOf(cpu / 1000) : (2 * cpu) + "m");
        }
        limits.put("memory", mem >= 1024 && mem % 1024 == 0 ? (mem / 1024) + "Gi" : (2 * mem) + "Mi");
        return map("requests", requests, "limits", limits);
    }

    private Map<String, Object> containerSecurityContext(Posture posture) {
        var sc = new LinkedHashMap<String, Object>();
        switch (posture) {
            case HARDENED -> {
                sc.put("allowPrivilegeEscalation", false);
                sc.put("readOnlyRootFilesystem", random.nextInt(10) != 0);
                sc.put("runAsNonRoot", true);
                var caps = new LinkedHashMap<String, Object>();
                caps.put("drop", List.of("ALL"));
                if (random.nextInt(10) == 0) {
                    caps.put("add", List.of("NET_BIND_SERVICE"));
                }
                sc.put("capabilities", caps);
            }
            case PARTIAL -> {
                if (random.nextInt(3) != 0) {
                    sc.put("allowPrivilegeEscalation", false);
                }
                if (random.nextBoolean()) {
                    sc.put("runAsUser", 1000 + random.nextInt(9000));
                }
                int c = random.nextInt(4);
                if (c == 0) {
                    sc.put("capabilities", map("drop", List.of("NET_RAW")));
                } else if (c == 1) {
                    sc.put("capabilities", map("drop", List.of("all")));
                }
            }
            case PRIVILEGED -> {
                sc.put("privileged", true);
                sc.put("allowPrivilegeEscalation", true);
                sc.put("capabilities", map("add", random.nextBoolean() ? List.of("SYS_ADMIN", "NET_ADMIN")
                        : List.of("SYS_PTRACE", "SYS_RESOURCE")));
                if (random.nextInt(8) == 0) {
                    sc.put("procMount", "Unmasked");
                }
            }
            case NONE -> {
            }
        }
        if (random.nextInt(200) == 0) {
            sc.put("seccompProfile", map("type", "Unconfined"));
        }
        return sc;
    }

    private Map<String, Object> istioInit() {
        var c = new LinkedHashMap<String, Object>();
        c.put("name", "istio-init");
        c.put("image", "docker.io/istio/proxyv2:1.22.3");
        c.put("args", List.of("istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337", "-m", "REDIRECT"));
        c.put("resources", map("requests", map("cpu", "10m", "memory", "40Mi"), "limits", map("cpu", "2", "memory", "1Gi")));
        c.put("securityContext", map("allowPrivilegeEscalation", false, "privileged", false, "readOnlyRootFilesystem", false,
                "runAsNonRoot", false, "runAsUser", 0, "runAsGroup", 0,
                "capabilities", map("add", List.of("NET_ADMIN", "NET_RAW"), "drop", List.of("ALL"))));
        return c;
    }

    private Map<String, Object> istioProxy() {
        var c = new LinkedHashMap<String, Object>();
        c.put("name", "istio-proxy");
        c.put("image", "docker.io/istio/proxyv2:1.22.3");
        c.put("args", List.of("proxy", "sidecar", "--domain", "$(POD_NAMESPACE).svc.cluster.local"));
        c.put("ports", List.of(map("name", "http-envoy-prom", "containerPort", 15090, "protocol", "TCP")));
        c.put("resources", map("requests", map("cpu", "100m", "memory", "128Mi"), "limits", map("cpu", "2", "memory", "1Gi")));
        c.put("readinessProbe", probe("/healthz/ready", 15021));
        c.put("securityContext", map("allowPrivilegeEscalation", false, "privileged", false, "readOnlyRootFilesystem", true,
                "runAsNonRoot", true, "runAsUser", 1337, "runAsGroup", 1337, "capabilities", map("drop", List.of("ALL"))));
        return c;
    }

    private Map<String, Object> probe(String path, int period) {
        return map("httpGet", map("path", path, "port", period > 1000 ? period : "http"),
                "initialDelaySeconds", 5, "periodSeconds", period > 1000 ? 2 : period, "failureThreshold", 3);
    }

    private List<Object> volumes(Posture posture) {
        var v = new ArrayList<Object>();
        v.add(map("name", "config", "configMap", map("name", "app-config")));
        v.add(map("name", "tmp", "emptyDir", map("sizeLimit", "256Mi")));
        if (random.nextInt(4) == 0) {
            v.add(map("name", "tls", "secret", map("secretName", "tls-cert", "defaultMode", 288)));
        }
        if (random.nextInt(6) == 0) {
            v.add(map("name", "token", "projected", map("sources", List.of(map("serviceAccountToken",
                    map("path", "token", "expirationSeconds", 3600, "audience", "vault"))))));
        }
        if (posture == Posture.PRIVILEGED) {
            v.add(map("name", "varlog", "hostPath", map("path", "/var/log", "type", "Directory")));
            v.add(map("name", "proc", "hostPath", map("path", "/proc")));
            int s = random.nextInt(5);
            if (s == 0) {
                v.add(map("name", "docker-sock", "hostPath", map("path", "/var/run/docker.sock", "type", "Socket")));
            } else if (s == 1) {
                v.add(map("name", "containerd-sock", "hostPath", map("path", "/var/run/containerd/containerd.sock")));
            }
        } else if (random.nextInt(100) < 3) {
            v.add(map("name", "nfs-share", "nfs", map("server", "nfs.internal", "path", "/exports/shared")));
        }
        return v;
    }

    private String image(String ns, String app) {
        int r = random.nextInt(100);
        String version = (1 + random.nextInt(4)) + "." + random.nextInt(20) + "." + random.nextInt(10);
        if (r < 45) {
            return "eu.foo.io/" + ns + "/" + app + ":" + version;
        } else if (r < 60) {
            return "bar.io/" + app + ":" + version;
        } else if (r < 72) {
            return "docker.io/library/" + pick(HUB_IMAGES);
        } else if (r < 85) {
            return "ghcr.io/example/" + app + ":sha-" + Integer.toHexString(0x1000000 + random.nextInt(0xEFFFFFF));
        } else if (r < 93) {
            return (random.nextBoolean() ? "eu.foo.io/" + ns + "/" + app : app) + ":latest";
        } else if (r < 97) {
            return random.nextBoolean() ? app : "busybox";
        }
        return "eu.foo.io/" + ns + "/" + app + "@sha256:" + "%064x".formatted(new java.math.BigInteger(255, random));
    }

    // ---- exceptions ---------------------------------------------------------------------------------------

    /// Exceptions a real platform team would have: node agents in observability and kube-system may use the
    /// host; CI runners may pull `:latest`; the legacy batch jobs in payments run without limits; the
    /// restricted profile's capability control is waived for Istio's init container; and one exception that
    /// names a policy that is not loaded (it covers nothing).
    public static List<Map<String, Object>> exceptions() {
        var out = new ArrayList<Map<String, Object>>();
        out.add(exception("node-agents-host-access", "kyverno",
                List.of(grant("disallow-host-path", "host-path", "autogen-host-path"),
                        grant("disallow-host-namespaces", "host-namespaces", "autogen-host-namespaces"),
                        grant("disallow-host-ports", "*"),
                        grant("disallow-privileged-containers", "*privileged-containers")),
                List.of(match(List.of("DaemonSet", "Pod"), List.of("observability", "kube-system"), List.of()))));
        out.add(exception("ci-runners-latest-tag", "ci-runners",
                List.of(grant("disallow-latest-tag", "validate-image-tag", "autogen-validate-image-tag",
                        "autogen-cronjob-validate-image-tag")),
                List.of(match(List.of("Pod", "Job", "CronJob"), List.of("ci-runners"), List.of()))));
        out.add(exception("legacy-batch-no-limits", "payments",
                List.of(grant("require-requests-limits", "*")),
                List.of(match(List.of("Deployment", "Job", "CronJob", "Pod"), List.of("payments"),
                        List.of("legacy-batch-*")))));
        var istio = exception("istio-init-capabilities", "kyverno",
                List.of(grant("podsecurity-subrule-restricted", "restricted", "autogen-restricted")),
                List.of(match(List.of("Pod", "Deployment", "StatefulSet"), List.of(), List.of())));
        Trees.map(istio, "spec").put("podSecurity", List.of(
                map("controlName", "Capabilities", "images", List.of("docker.io/istio/proxyv2*"),
                        "restrictedField", "spec.initContainers[*].securityContext.capabilities.add",
                        "values", List.of("NET_ADMIN", "NET_RAW")),
                map("controlName", "Running as Non-root", "images", List.of("docker.io/istio/proxyv2*")),
                map("controlName", "Running as Non-root user", "images", List.of("docker.io/istio/proxyv2*"))));
        out.add(istio);
        out.add(exception("old-tiller-cleanup", "kube-system",
                List.of(grant("disallow-helm-tiller-v2", "*")),
                List.of(match(List.of("Pod"), List.of("kube-system"), List.of()))));
        return out;
    }

    private static Map<String, Object> exception(String name, String ns, List<Object> grants, List<Object> any) {
        var meta = map("name", name, "namespace", ns,
                "annotations", map("waiver.dev/reason", "benchmark: " + name, "waiver.dev/ticket", "OPS-" + Math.abs(name.hashCode() % 9000)));
        return map("apiVersion", "kyverno.io/v2", "kind", "PolicyException", "metadata", meta,
                "spec", map("exceptions", grants, "match", map("any", any)));
    }

    private static Map<String, Object> grant(String policy, String... rules) {
        return map("policyName", policy, "ruleNames", List.of(rules));
    }

    private static Map<String, Object> match(List<String> kinds, List<String> namespaces, List<String> names) {
        var resources = new LinkedHashMap<String, Object>();
        resources.put("kinds", kinds);
        if (!namespaces.isEmpty()) {
            resources.put("namespaces", namespaces);
        }
        if (!names.isEmpty()) {
            resources.put("names", names);
        }
        return map("resources", resources);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /// An insertion-ordered map from alternating keys and values (`Map.of` iterates in an order that changes
    /// from one JVM to the next, so the files would differ between runs).
    static LinkedHashMap<String, Object> map(Object... kv) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Map<String, Object> meta) {
        return (Map<String, Object>) meta.computeIfAbsent("annotations", k -> new LinkedHashMap<String, Object>());
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String weighted(String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static final class Trees {
        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Map<String, Object> tree, String key) {
            return (Map<String, Object>) tree.get(key);
        }
    }
}
