package dev.waiver.app.cluster;

import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;

/// The user's kubeconfig, found and merged the way kubectl does it, and the fabric8 clients built from it.
///
/// Where: `--kubeconfig FILE`, else every file `KUBECONFIG` lists (missing ones skipped), else
/// `~/.kube/config`. Merging: the first file that names a context, cluster or user wins, and the
/// current context comes from the first file that sets one. Contexts keep file order (fabric8's merged
/// view does not), so the list reads like `kubectl config get-contexts`.
///
/// The files hold tokens, keys and passwords. This class never returns, logs or quotes their contents:
/// [KubeContext] carries names and the server address only, and parse errors name the file and line.
public final class Kubeconfigs {

    private final List<Path> files;
    private final List<io.fabric8.kubernetes.api.model.Config> parsed;
    private final List<KubeContext> contexts;

    private Kubeconfigs(List<Path> files, List<io.fabric8.kubernetes.api.model.Config> parsed) {
        this.files = List.copyOf(files);
        this.parsed = List.copyOf(parsed);
        this.contexts = List.copyOf(mergeContexts());
    }

    /// The files to read, in kubectl's order of precedence.
    public static List<Path> locate(Optional<Path> explicit, Optional<String> kubeconfigVariable, Path userHome) {
        if (explicit.isPresent()) {
            Path file = explicit.get();
            if (!Files.isRegularFile(file)) {
                throw new KubeconfigException(file + ": no such kubeconfig file");
            }
            return List.of(file);
        }
        var listed = kubeconfigVariable.filter(v -> !v.isBlank())
                .map(v -> Arrays.stream(v.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElse(new LinkedHashSet<>());
        if (!listed.isEmpty()) {
            var existing = listed.stream().filter(Files::isRegularFile).toList();
            if (existing.isEmpty()) {
                throw new KubeconfigException("no kubeconfig: KUBECONFIG names " + listed.stream().map(Path::toString)
                        .collect(Collectors.joining(", ")) + " and none of them exists");
            }
            return existing;
        }
        Path home = userHome.resolve(".kube").resolve("config");
        if (!Files.isRegularFile(home)) {
            throw new KubeconfigException("no kubeconfig: " + home + " does not exist (set KUBECONFIG or pass --kubeconfig FILE)");
        }
        return List.of(home);
    }

    /// Finds the files from the environment (`KUBECONFIG`, the home folder) unless one is given, and loads them.
    public static Kubeconfigs find(Optional<Path> explicit) {
        return load(locate(explicit, Optional.ofNullable(System.getenv("KUBECONFIG")),
                Path.of(System.getProperty("user.home"))));
    }

    public static Kubeconfigs load(List<Path> files) {
        var parsed = new ArrayList<io.fabric8.kubernetes.api.model.Config>();
        var read = new ArrayList<Path>();
        for (Path file : files) {
            parse(file).ifPresent(config -> {
                parsed.add(config);
                read.add(file);
            });
        }
        return new Kubeconfigs(read, parsed);
    }

    public List<Path> files() {
        return files;
    }

    /// Every context, in file order, the current one marked.
    public List<KubeContext> contexts() {
        return contexts;
    }

    public Optional<KubeContext> current() {
        return contexts.stream().filter(KubeContext::current).findFirst();
    }

    public KubeContext context(String name) {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new KubeconfigException("no context '" + name + "' in the kubeconfig"
                        + (contexts.isEmpty() ? " (it has none)" : " (it has " + contexts.stream().map(KubeContext::name)
                        .collect(Collectors.joining(", ")) + ")")));
    }

    /// fabric8's configuration for one context: server, namespace and credentials as the kubeconfig says
    /// (client certificates, tokens, OIDC, exec plugins, which run now), with Waiver's timeouts. Watches
    /// get no automatic reconnects: [ClusterWatch] reconnects itself so it can say it is doing so.
    public Config config(String contextName, ClientSettings settings) {
        context(contextName);
        Config config = Config.empty();
        try {
            KubeConfigUtils.merge(config, contextName, parsed.toArray(io.fabric8.kubernetes.api.model.Config[]::new));
        } catch (RuntimeException e) {
            throw new KubeconfigException("context " + contextName + ": cannot set up its credentials ("
                    + ClusterErrors.rootMessage(e) + ")");
        }
        config.setConnectionTimeout((int) settings.connectTimeout().toMillis());
        config.setRequestTimeout((int) settings.requestTimeout().toMillis());
        config.setRequestRetryBackoffLimit(settings.retries());
        config.setRequestRetryBackoffInterval(200);
        config.setWatchReconnectLimit(0);
        return config;
    }

    public KubernetesClient client(String contextName, ClientSettings settings) {
        return new KubernetesClientBuilder().withConfig(config(contextName, settings)).build();
    }

    private List<KubeContext> mergeContexts() {
        var named = new LinkedHashMap<String, NamedContext>();
        var origin = new LinkedHashMap<String, Path>();
        var clusters = new LinkedHashMap<String, NamedCluster>();
        String current = null;
        for (int i = 0; i < parsed.size(); i++) {
            var config = parsed.get(i);
            for (NamedContext c : nonNull(config.getContexts())) {
                if (c.getName() != null && !named.containsKey(c.getName())) {
                    named.put(c.getName(), c);
                    origin.put(c.getName(), files.get(i));
                }
            }
            nonNull(config.getClusters()).forEach(c -> clusters.putIfAbsent(c.getName(), c));
            if (current == null && config.getCurrentContext() != null && !config.getCurrentContext().isBlank()) {
                current = config.getCurrentContext();
            }
        }
        var result = new ArrayList<KubeContext>();
        for (var entry : named.entrySet()) {
            var context = Optional.ofNullable(entry.getValue().getContext());
            var clusterName = context.map(io.fabric8.kubernetes.api.model.Context::getCluster).filter(s -> !s.isBlank());
            var server = clusterName.map(clusters::get).map(NamedCluster::getCluster)
                    .map(io.fabric8.kubernetes.api.model.Cluster::getServer).filter(s -> !s.isBlank());
            result.add(new KubeContext(entry.getKey(), entry.getKey().equals(current), clusterName, server,
                    context.map(io.fabric8.kubernetes.api.model.Context::getUser).filter(s -> !s.isBlank()),
                    context.map(io.fabric8.kubernetes.api.model.Context::getNamespace).filter(s -> !s.isBlank()),
                    origin.get(entry.getKey())));
        }
        return result;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /// An empty file is an empty kubeconfig (kubectl reads it so); anything unparseable is an error that
    /// names the file and, for YAML errors, the line, but never the text around it.
    private static Optional<io.fabric8.kubernetes.api.model.Config> parse(Path file) {
        try {
            if (Files.readString(file).isBlank()) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new KubeconfigException(file + ": cannot read the kubeconfig (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return Optional.ofNullable(KubeConfigUtils.parseConfig(file.toFile()));
        } catch (RuntimeException e) {
            throw new KubeconfigException(file + ": not a valid kubeconfig" + where(e));
        }
    }

    private static String where(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
                return " (YAML error at line " + (yaml.getProblemMark().get().getLine() + 1) + ")";
            }
            if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
                return " (unexpected value at " + json.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")) + ")";
            }
            if (t instanceof JacksonException) {
                return " (not a kubeconfig document)";
            }
        }
        return "";
    }
}
