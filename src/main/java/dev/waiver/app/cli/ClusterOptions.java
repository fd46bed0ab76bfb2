package dev.waiver.app.cli;

import dev.waiver.app.cluster.KubeContext;
import dev.waiver.app.cluster.Kubeconfigs;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/// `--context CTX` (repeatable) and `--all-contexts`: read the register from clusters instead of files.
final class ClusterOptions {

    @Option(names = "--context", paramLabel = "CTX",
            description = "Read from this kubeconfig context (repeatable; several merge into one register).")
    List<String> contexts = List.of();

    @Option(names = "--all-contexts", description = "Read from every context of the kubeconfig.")
    boolean allContexts;

    boolean given() {
        return allContexts || !contexts.isEmpty();
    }

    /// The contexts named, each checked against the kubeconfig (an unknown one is a one-line error).
    List<String> names(Kubeconfigs kubeconfigs) {
        if (allContexts) {
            return kubeconfigs.contexts().stream().map(KubeContext::name).toList();
        }
        var names = new LinkedHashSet<String>();
        for (String name : contexts) {
            names.add(kubeconfigs.context(name).name());
        }
        return List.copyOf(names);
    }
}
