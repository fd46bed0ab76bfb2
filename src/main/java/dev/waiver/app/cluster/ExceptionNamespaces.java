package dev.waiver.app.cluster;

import dev.waiver.app.settings.Settings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/// Finds the namespace a cluster keeps PolicyExceptions in, best evidence first: Kyverno's own
/// `--exceptionNamespace` flag (on its Deployments in namespace `kyverno`, or any Deployment labelled
/// part of Kyverno), else the namespace that holds most PolicyExceptions, else nothing. A choice the user
/// made for the context (a setting) beats all of them.
///
/// Reading Kyverno's Deployments needs a permission many reviewers lack; that is not a problem worth
/// reporting, so any failure falls through to the guess.
public final class ExceptionNamespaces {

    static final String FLAG = "exceptionNamespace";
    private static final String KYVERNO_NAMESPACE = "kyverno";

    private ExceptionNamespaces() {
    }

    public static ExceptionNamespace detect(KubernetesClient client, List<ClusterObject> exceptions) {
        return fromKyverno(client).map(ns -> ExceptionNamespace.of(ns, ExceptionNamespace.Origin.KYVERNO_FLAG))
                .orElseGet(() -> mostExceptions(exceptions));
    }

    /// The namespace holding most exceptions (ties: the first by name), or unset when there are none.
    public static ExceptionNamespace mostExceptions(List<ClusterObject> exceptions) {
        var counts = new TreeMap<String, Integer>();
        exceptions.stream().map(ClusterObject::namespace).filter(ns -> !ns.isEmpty())
                .forEach(ns -> counts.merge(ns, 1, Integer::sum));
        return counts.entrySet().stream().max(Comparator.comparing(Map.Entry<String, Integer>::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(e -> ExceptionNamespace.of(e.getKey(), ExceptionNamespace.Origin.MOST_EXCEPTIONS))
                .orElse(ExceptionNamespace.unset());
    }

    /// The user's choice for the context wins over what was detected.
    public static ExceptionNamespace resolve(ExceptionNamespace detected, Settings settings, String context) {
        return settings.get(settingKey(context))
                .map(ns -> ExceptionNamespace.of(ns, ExceptionNamespace.Origin.USER_SETTING))
                .orElse(detected);
    }

    /// Records (or, when empty, forgets) the user's choice; the caller saves the settings.
    public static void choose(Settings settings, String context, Optional<String> namespace) {
        settings.put(settingKey(context), namespace.filter(ns -> !ns.isBlank()).orElse(null));
    }

    public static String settingKey(String context) {
        return "cluster." + context + ".exceptionNamespace";
    }

    private static Optional<String> fromKyverno(KubernetesClient client) {
        try {
            List<Deployment> deployments = client.apps().deployments().inNamespace(KYVERNO_NAMESPACE).list().getItems();
            if (deployments.isEmpty()) {
                deployments = client.apps().deployments().inAnyNamespace()
                        .withLabel("app.kubernetes.io/part-of", "kyverno").list().getItems();
            }
            return deployments.stream().flatMap(ExceptionNamespaces::containers)
                    .map(c -> flag(arguments(c))).flatMap(Optional::stream).findFirst();
        } catch (RuntimeException forbiddenOrUnreachable) {
            return Optional.empty();
        }
    }

    private static Stream<Container> containers(Deployment deployment) {
        if (deployment.getSpec() == null || deployment.getSpec().getTemplate() == null
                || deployment.getSpec().getTemplate().getSpec() == null) {
            return Stream.empty();
        }
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream();
    }

    private static List<String> arguments(Container container) {
        var all = new ArrayList<String>();
        Optional.ofNullable(container.getCommand()).ifPresent(all::addAll);
        Optional.ofNullable(container.getArgs()).ifPresent(all::addAll);
        return all;
    }

    /// Go's flag package takes `-name=value`, `--name=value`, `-name value` and `--name value`.
    static Optional<String> flag(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i).strip();
            String bare = arg.startsWith("--") ? arg.substring(2) : arg.startsWith("-") ? arg.substring(1) : null;
            if (bare == null) {
                continue;
            }
            if (bare.startsWith(FLAG + "=")) {
                return Optional.of(bare.substring(FLAG.length() + 1).strip()).filter(v -> !v.isEmpty());
            }
            if (bare.equals(FLAG) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1).strip()).filter(v -> !v.isEmpty() && !v.startsWith("-"));
            }
        }
        return Optional.empty();
    }
}
