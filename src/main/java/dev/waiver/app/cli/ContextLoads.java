package dev.waiver.app.cli;

import dev.waiver.app.cluster.ClientSettings;
import dev.waiver.app.cluster.ClusterConnector;
import dev.waiver.app.cluster.ClusterWorkspaceLoader;
import dev.waiver.app.cluster.ContextChoice;
import dev.waiver.app.cluster.ContextLoad;
import dev.waiver.app.cluster.KubeconfigException;
import dev.waiver.app.cluster.Kubeconfigs;
import dev.waiver.app.cluster.ReadScope;
import dev.waiver.app.cluster.SnapshotStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/// Reads the contexts a command names, for the command line: each context that could not be read is one
/// line on stderr (saying whether its snapshot stands in), and the others are still returned.
final class ContextLoads {

    private ContextLoads() {
    }

    /// Empty when nothing could be read at all (the kubeconfig, or every context): the lines are printed.
    static Optional<List<ContextLoad>> load(GlobalOptions global, ClusterOptions options, ReadScope scope, PrintWriter err) {
        List<ContextLoad> loads;
        ContextChoice choice = options.choice(); // a usage mistake is told before anything is read
        try {
            Kubeconfigs kubeconfigs = global.kubeconfigs();
            List<String> names = ClusterOptions.names(choice, kubeconfigs);
            if (names.isEmpty()) {
                err.println("the kubeconfig has no contexts");
                return Optional.empty();
            }
            try (var connector = new ClusterConnector(kubeconfigs, ClientSettings.defaults())) {
                // Sync times are facts about when the cluster was read: the real clock, not --now.
                loads = new ClusterWorkspaceLoader(connector, names, scope, SnapshotStore.in(global.home()),
                        Clock.systemUTC(), progress -> { }).loadEach();
            }
        } catch (KubeconfigException e) {
            err.println(e.getMessage());
            return Optional.empty();
        }
        for (ContextLoad load : loads) {
            switch (load) {
                case ContextLoad.Live live -> live.workspace().problems().forEach(err::println);
                case ContextLoad.FromSnapshot snapshot -> snapshot.workspace().problems().forEach(err::println);
                case ContextLoad.Failed failed -> err.println("context " + failed.context() + ": " + failed.reason()
                        + "; no snapshot of it yet");
            }
        }
        boolean anyRead = loads.stream().anyMatch(l -> !(l instanceof ContextLoad.Failed));
        return anyRead ? Optional.of(loads) : Optional.empty();
    }
}
