package dev.waiver.app.cli;

import dev.waiver.app.cluster.ContextChoice;
import dev.waiver.app.cluster.Kubeconfigs;
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

    /// What the options ask for, as the window understands it too; both options at once is a one-line
    /// error (an [IllegalArgumentException], which the command line prints and exits 2 on).
    ContextChoice choice() {
        return new ContextChoice(contexts, allContexts);
    }

    /// The contexts `choice` means, each named one checked against the kubeconfig first (an unknown one is a
    /// one-line error here, before any server is asked).
    static List<String> names(ContextChoice choice, Kubeconfigs kubeconfigs) {
        choice.named().forEach(kubeconfigs::context);
        return choice.names(kubeconfigs);
    }
}
