package dev.waiver.app.cluster;

import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.app.workspace.WorkspaceLoader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/// The register of one or several kubeconfig contexts. Each context is read live (all at once, on
/// virtual threads) and its snapshot replaced; a context whose server does not answer is served from its
/// last snapshot, marked offline; several contexts merge into one register whose rows keep their context.
///
/// [#load()] fails only when no context could be read and none has a snapshot. [#loadEach()] tells
/// per context what happened, and hands the live reads a [ClusterWatch] continues from.
public final class ClusterWorkspaceLoader implements WorkspaceLoader {

    private static final System.Logger LOG = System.getLogger(ClusterWorkspaceLoader.class.getName());

    private final ClusterConnector connector;
    private final List<String> contexts;
    private final ReadScope scope;
    private final SnapshotStore snapshots;
    private final Clock clock;
    private final Consumer<ReadProgress> progress;

    /// @param progress hears each context's progress, from the threads reading them
    public ClusterWorkspaceLoader(ClusterConnector connector, List<String> contexts, ReadScope scope,
                                  SnapshotStore snapshots, Clock clock, Consumer<ReadProgress> progress) {
        if (contexts.isEmpty()) {
            throw new IllegalArgumentException("no context to load");
        }
        this.connector = connector;
        this.contexts = List.copyOf(contexts);
        this.scope = scope;
        this.snapshots = snapshots;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public Workspace load() {
        return merge(loadEach());
    }

    /// The contexts' snapshots only, with no network: what the window shows while the live load runs.
    /// Empty when no context has one.
    public Optional<Workspace> loadSnapshots() {
        return loadSnapshots(snapshots, contexts);
    }

    /// [#loadSnapshots()] without a connector: needs neither the kubeconfig nor the network.
    public static Optional<Workspace> loadSnapshots(SnapshotStore snapshots, List<String> contexts) {
        var parts = new ArrayList<Workspace>();
        for (String context : contexts) {
            try {
                snapshots.load(context).ifPresent(s -> parts.add(ClusterWorkspaces.offline(s, "not read yet")));
            } catch (SnapshotStore.SnapshotException e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage());
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(ClusterWorkspaces.merge(parts));
    }

    /// Every context, in the order given.
    public List<ContextLoad> loadEach() {
        if (contexts.size() == 1) {
            return List.of(loadOne(contexts.getFirst()));
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<ContextLoad>>();
            for (String context : contexts) {
                futures.add(executor.submit(() -> loadOne(context)));
            }
            var loads = new ArrayList<ContextLoad>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    loads.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    loads.add(new ContextLoad.Failed(contexts.get(i), ClusterErrors.rootMessage(e)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClusterUnavailableException(contexts.get(i), "interrupted while reading", e);
                }
            }
            return loads;
        }
    }

    /// The loads as one workspace: failed contexts become problems.
    public static Workspace merge(List<ContextLoad> loads) {
        var parts = new ArrayList<Workspace>();
        var failures = new ArrayList<LoadProblem>();
        for (ContextLoad load : loads) {
            switch (load) {
                case ContextLoad.Live live -> parts.add(live.workspace());
                case ContextLoad.FromSnapshot snapshot -> parts.add(snapshot.workspace());
                case ContextLoad.Failed failed -> failures.add(new LoadProblem("context " + failed.context(), 0,
                        failed.reason() + "; no snapshot of it yet"));
            }
        }
        if (parts.isEmpty()) {
            var first = (ContextLoad.Failed) loads.getFirst();
            throw new ClusterUnavailableException(first.context(), first.reason() + "; no snapshot of it yet"
                    + (loads.size() > 1 ? " (and no other context could be read)" : ""), null);
        }
        Workspace merged = ClusterWorkspaces.merge(parts);
        if (failures.isEmpty()) {
            return merged;
        }
        var problems = new ArrayList<>(failures);
        problems.addAll(merged.problems());
        return new Workspace(merged.title(), merged.source(), merged.exemptions(), merged.policies(),
                merged.policyDocuments(), merged.otherDocuments(), problems, merged.offline(),
                merged.otherContexts());
    }

    private ContextLoad loadOne(String context) {
        try {
            ClusterRead read = connector.reader(context, clock).read(scope, progress);
            try {
                snapshots.save(read);
            } catch (SnapshotStore.SnapshotException e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage());
            }
            return new ContextLoad.Live(read, ClusterWorkspaces.live(read));
        } catch (ClusterUnavailableException e) {
            return fallback(context, e.reason());
        } catch (KubeconfigException e) {
            String prefix = "context " + context + ": ";
            return fallback(context, e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage());
        } catch (RuntimeException e) {
            return fallback(context, ClusterErrors.rootMessage(e));
        }
    }

    private ContextLoad fallback(String context, String reason) {
        return fallback(snapshots, context, reason);
    }

    /// What a context that could not be read (`reason`) loads as: its snapshot, marked offline, else failed.
    public static ContextLoad fallback(SnapshotStore snapshots, String context, String reason) {
        try {
            return snapshots.load(context)
                    .<ContextLoad>map(s -> new ContextLoad.FromSnapshot(s, ClusterWorkspaces.offline(s, reason), reason))
                    .orElseGet(() -> new ContextLoad.Failed(context, reason));
        } catch (SnapshotStore.SnapshotException e) {
            return new ContextLoad.Failed(context, reason + "; " + e.getMessage());
        }
    }
}
