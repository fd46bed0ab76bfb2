package dev.waiver.app.clusters;

import dev.waiver.app.cluster.ClientSettings;
import dev.waiver.app.cluster.ClusterConnector;
import dev.waiver.app.cluster.ClusterErrors;
import dev.waiver.app.cluster.ClusterEvent;
import dev.waiver.app.cluster.ClusterRead;
import dev.waiver.app.cluster.ClusterUnavailableException;
import dev.waiver.app.cluster.ClusterWatch;
import dev.waiver.app.cluster.ClusterWorkspaceLoader;
import dev.waiver.app.cluster.ClusterWorkspaces;
import dev.waiver.app.cluster.ConnectionState;
import dev.waiver.app.cluster.ContextChoice;
import dev.waiver.app.cluster.ContextLoad;
import dev.waiver.app.cluster.KubeconfigException;
import dev.waiver.app.cluster.Kubeconfigs;
import dev.waiver.app.cluster.ReadProgress;
import dev.waiver.app.cluster.ReadScope;
import dev.waiver.app.cluster.ResourceType;
import dev.waiver.app.cluster.SnapshotStore;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.OfflineSource;
import dev.waiver.app.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/// The window's connection to the contexts its register shows. Opening contexts shows their snapshots
/// at once (local, no network), then reads every server (all at once, each context's failure its own),
/// then watches each one that answered and delivers what changes.
///
/// Everything leaves the FX thread through the [BackgroundRunner] and comes back through it: the
/// watches' callbacks arrive on the client's threads, only mark the register dirty, and one rebuild
/// runs per `coalesce` interval however many changes arrived in it, so a burst of a thousand edits
/// costs a handful of rebuilds. Statuses and deliveries happen on the FX thread; a delivery of a
/// session since stopped is dropped.
///
/// Each context's snapshot is saved after a full read or relist, and, through a [SnapshotSaver], after
/// watched changes (at most once per `snapshotEvery`) and when the session stops with changes unsaved.
public final class ClusterSession implements ContextFeed, AutoCloseable {

    /// @param coalesce      how long changes gather before the register is rebuilt
    /// @param snapshotEvery how long a watched change waits before its context's snapshot is saved: at most
    ///                     one save per context per interval (the session's end saves what is left)
    public record Settings(ClientSettings client, ClusterWatch.Settings watch, Duration coalesce, Duration snapshotEvery) {
        public static Settings defaults() {
            return new Settings(ClientSettings.defaults(), ClusterWatch.Settings.defaults(), Duration.ofMillis(250),
                    Duration.ofSeconds(30));
        }
    }

    private static final System.Logger LOG = System.getLogger(ClusterSession.class.getName());
    /// How long [#close] waits for a reconnect attempt under way: a couple of seconds, as it may hold up the exit.
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final SnapshotStore snapshots;
    private final BackgroundRunner runner;
    private final Settings settings;
    private final Clock clock;
    private final ObservableMap<String, ContextStatus> statuses = FXCollections.observableHashMap();
    /// One view, held: the unmodifiable wrapper listens weakly, so a view made per call would be collected.
    private final ObservableMap<String, ContextStatus> statusView = FXCollections.unmodifiableObservableMap(statuses);
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper(this, "connecting");
    private final ReadOnlyObjectWrapper<List<String>> openContexts = new ReadOnlyObjectWrapper<>(this, "openContexts", List.of());
    /// Guarded by this, with [#closed]: made on first use, never again once the session is closed.
    private ScheduledExecutorService scheduler;
    /// Set by [#close], for good: a closed session opens nothing, makes no watch and starts no thread.
    private boolean closed;
    private Run current;

    /// @param clock when reads and drops happened (the real clock: sync times are facts, not `--now`)
    public ClusterSession(SnapshotStore snapshots, BackgroundRunner runner, Settings settings, Clock clock) {
        this.snapshots = snapshots;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
    }

    /// Each context of the open register and where it stands; a context not in it has no entry.
    public ObservableMap<String, ContextStatus> statuses() {
        return statusView;
    }

    /// The contexts of the open register, in order; empty when the register is not the clusters'.
    public ReadOnlyObjectProperty<List<String>> openContextsProperty() {
        return openContexts.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    @Override
    public void open(Optional<Path> kubeconfig, ContextChoice contexts, Updates updates) {
        if (isClosed()) {
            LOG.log(System.Logger.Level.DEBUG, "contexts opened after the cluster session was closed: ignored");
            return;
        }
        stop();
        var run = new Run(updates, new SnapshotSaver(this::saveSnapshot, this::scheduler, settings.snapshotEvery()));
        current = run;
        connecting.set(true);
        openContexts.set(contexts.named());
        contexts.named().forEach(c -> statuses.put(c, new ContextStatus.Reading(0, "")));
        runner.run(() -> prepare(kubeconfig, contexts), prepared -> prepared(run, prepared),
                error -> failed(run, ClusterErrors.rootMessage(error)));
    }

    @Override
    public void stop() {
        Run run = current;
        current = null;
        statuses.clear();
        openContexts.set(List.of());
        connecting.set(false);
        if (run != null) {
            run.closed = true; // from now on its callbacks are ignored; closing the sockets is I/O
            runner.run(run::close);
        }
    }

    /// Closes everything at once, for the app's exit: the watches and the clients, saves the snapshots of
    /// contexts with changes not saved yet, then waits (at most [#CLOSE_WAIT]) for a reconnect attempt under
    /// way on the watches' thread to end, so that nothing of this session still talks to a server once this
    /// returns (a test stops its server right after).
    ///
    /// The app calls this from `stop()`, on the FX thread but after the window has gone: the save and the
    /// wait delay only the exit, and the wait is bounded. Handing them to another thread would not help: the
    /// exit follows `stop()` at once and would cut that thread short.
    ///
    /// A read still under way then finishes without making watches: [#scheduler()] refuses from here on.
    @Override
    public void close() {
        Run run = current;
        current = null;
        if (run != null) {
            run.close();
        }
        ScheduledExecutorService watches;
        synchronized (this) {
            closed = true;
            watches = scheduler;
            scheduler = null;
        }
        if (watches != null) {
            // Not shutdownNow: an attempt interrupted while opening a watch could leave its socket open;
            // let it finish, see the watch closed, and close what it opened.
            watches.shutdown();
            awaitQuietly(watches);
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "a watch was still reconnecting " + CLOSE_WAIT.toSeconds()
                        + " s after closing; leaving it to its time-out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- first: the kubeconfig and the snapshots (local files only)

    private record Prepared(Optional<Kubeconfigs> kubeconfigs, List<String> names, String problem,
                            Optional<Workspace> snapshot) {
    }

    private Prepared prepare(Optional<Path> kubeconfig, ContextChoice contexts) {
        Optional<Kubeconfigs> kubeconfigs;
        String problem = "";
        try {
            kubeconfigs = Optional.of(KubeconfigSource.of(kubeconfig).load());
        } catch (KubeconfigException e) {
            kubeconfigs = Optional.empty();
            problem = e.getMessage();
        }
        List<String> names = kubeconfigs.map(contexts::names).orElse(contexts.named());
        if (names.isEmpty() && kubeconfigs.isPresent()) {
            problem = contexts.all() ? "the kubeconfig has no contexts"
                    : "the kubeconfig sets no current context: choose contexts on the Clusters screen";
        }
        return new Prepared(kubeconfigs, names, problem, ClusterWorkspaceLoader.loadSnapshots(snapshots, names));
    }

    private void prepared(Run run, Prepared prepared) {
        if (run != current) {
            return;
        }
        if (prepared.names().isEmpty()) {
            failed(run, prepared.problem());
            return;
        }
        openContexts.set(prepared.names());
        prepared.names().forEach(c -> statuses.putIfAbsent(c, new ContextStatus.Reading(0, "")));
        prepared.snapshot().ifPresent(ws -> run.updates.workspace(ws, Stage.SNAPSHOT));
        runner.run(() -> read(run, prepared), read -> read(run, read),
                error -> failed(run, ClusterErrors.rootMessage(error)));
    }

    // ---- then: the servers

    private record Read(List<ContextLoad> loads, Map<String, ClusterWatch> watches, Optional<Workspace> workspace,
                        String failure) {
    }

    private Read read(Run run, Prepared prepared) {
        List<ContextLoad> loads;
        var watches = new LinkedHashMap<String, ClusterWatch>();
        if (prepared.kubeconfigs().isEmpty()) {
            loads = prepared.names().stream()
                    .map(c -> ClusterWorkspaceLoader.fallback(snapshots, c, prepared.problem())).toList();
        } else {
            var connector = new ClusterConnector(prepared.kubeconfigs().get(), settings.client());
            if (!run.adopt(connector)) {
                connector.close();
                return new Read(List.of(), Map.of(), Optional.empty(), "stopped");
            }
            loads = new ClusterWorkspaceLoader(connector, prepared.names(), ReadScope.register(), snapshots, clock,
                    progress -> progress(run, progress)).loadEach();
            for (ContextLoad load : loads) {
                if (load instanceof ContextLoad.Live live) {
                    Optional<ScheduledExecutorService> reconnects = run.closed ? Optional.empty() : scheduler();
                    if (reconnects.isEmpty()) {
                        break; // stopped or closed during the read: nothing is to be watched
                    }
                    String context = live.context();
                    watches.put(context, new ClusterWatch(connector.reader(context, clock), live.read(),
                            event -> heard(run, context, event), reconnects.get(), settings.watch(), this::saveSnapshot));
                }
            }
        }
        if (!run.adopt(loads, watches)) {
            return new Read(List.of(), Map.of(), Optional.empty(), "stopped");
        }
        try {
            return new Read(loads, watches, Optional.of(ClusterWorkspaceLoader.merge(loads)), "");
        } catch (ClusterUnavailableException e) {
            return new Read(loads, watches, Optional.empty(), e.getMessage());
        }
    }

    private void read(Run run, Read read) {
        if (run != current) {
            return;
        }
        run.readDone = true;
        connecting.set(false);
        for (ContextLoad load : read.loads()) {
            statuses.put(load.context(), switch (load) {
                case ContextLoad.Live live -> new ContextStatus.Watched(live.workspace().exemptions().size(),
                        new ConnectionState.Live(clock.instant()));
                case ContextLoad.FromSnapshot s -> new ContextStatus.FromSnapshot(s.workspace().exemptions().size(),
                        s.snapshot().readAt(), s.reason());
                case ContextLoad.Failed f -> new ContextStatus.Failed(f.reason() + "; no snapshot of it yet");
            });
        }
        read.workspace().ifPresentOrElse(ws -> run.updates.workspace(ws, Stage.READ), () -> run.updates.failed(read.failure()));
        read.watches().values().forEach(ClusterWatch::start);
    }

    private void progress(Run run, ReadProgress progress) {
        var before = run.reading.get(progress.context());
        boolean exceptions = progress.resource().equals(ResourceType.POLICY_EXCEPTION.resourceName());
        int count = exceptions ? progress.loaded() : before == null ? 0 : before.exceptions();
        run.reading.put(progress.context(), new ContextStatus.Reading(count, progress.resource()));
        onFx(run, () -> {
            var latest = run.reading.get(progress.context());
            if (!run.readDone && latest != null) {
                statuses.put(progress.context(), latest);
            }
        });
    }

    private void failed(Run run, String message) {
        if (run != current) {
            return;
        }
        run.readDone = true;
        connecting.set(false);
        openContexts.get().forEach(c -> statuses.put(c, new ContextStatus.Failed(message)));
        run.updates.failed(message);
    }

    // ---- then: what changes

    /// On the watch's threads: note the connection, mark the register dirty; never block.
    private void heard(Run run, String context, ClusterEvent event) {
        if (run.closed) {
            return;
        }
        if (event instanceof ClusterEvent.ConnectionChanged changed) {
            ConnectionState state = changed.state();
            ConnectionState before = run.connections.put(context, state);
            if (before instanceof ConnectionState.Live && !(state instanceof ConnectionState.Live)) {
                run.droppedAt.put(context, clock.instant());
            }
            // Hops may overtake each other: each shows the latest state, not the one it was sent for.
            onFx(run, () -> {
                if (statuses.get(context) instanceof ContextStatus.Watched watched && run.connections.get(context) != null) {
                    statuses.put(context, new ContextStatus.Watched(watched.exceptions(), run.connections.get(context)));
                }
            });
            if (before instanceof ConnectionState.Offline != state instanceof ConnectionState.Offline) {
                markDirty(run);
            }
        } else {
            // A relist stores its own snapshot; a change is stored a while later, with those that follow it.
            if (!(event instanceof ClusterEvent.Resynced) && run.watches.get(context) instanceof ClusterWatch watch) {
                run.saver.changed(context, watch::liveRead);
            }
            markDirty(run);
        }
    }

    private void markDirty(Run run) {
        if (run.dirty.compareAndSet(false, true)) {
            runner.run(() -> rebuild(run), rebuilt -> rebuilt(run, rebuilt), error -> LOG.log(System.Logger.Level.WARNING,
                    "could not rebuild the register after a cluster change: " + ClusterErrors.rootMessage(error)));
        }
    }

    private record Rebuilt(long sequence, Workspace workspace, Map<String, Integer> counts) {
    }

    /// Off the FX thread: waits for the burst to gather, then merges every context as it stands now.
    private Rebuilt rebuild(Run run) throws InterruptedException {
        if (!settings.coalesce().isZero()) {
            Thread.sleep(settings.coalesce());
        }
        run.dirty.set(false);
        long sequence = run.sequence.incrementAndGet();
        var loads = new ArrayList<ContextLoad>();
        var counts = new LinkedHashMap<String, Integer>();
        for (ContextLoad load : run.loads) {
            if (load instanceof ContextLoad.Live live && run.watches.get(live.context()) instanceof ClusterWatch watch) {
                String context = live.context();
                Workspace workspace = watch.workspace();
                if (run.connections.get(context) instanceof ConnectionState.Offline offline) {
                    workspace = offline(workspace, context, run.droppedAt.getOrDefault(context, offline.since()), offline.reason());
                }
                counts.put(context, workspace.exemptions().size());
                loads.add(new ContextLoad.Live(live.read(), workspace));
            } else {
                loads.add(load);
            }
        }
        return new Rebuilt(sequence, ClusterWorkspaceLoader.merge(loads), counts);
    }

    private void rebuilt(Run run, Rebuilt rebuilt) {
        if (run != current || rebuilt.sequence() < run.shown) {
            return;
        }
        run.shown = rebuilt.sequence();
        rebuilt.counts().forEach((context, count) -> {
            if (statuses.get(context) instanceof ContextStatus.Watched watched) {
                statuses.put(context, new ContextStatus.Watched(count, watched.connection()));
            }
        });
        run.updates.workspace(rebuilt.workspace(), Stage.CHANGE);
    }

    /// A watched context whose server stopped answering: what was received stays, marked as of the drop.
    private static Workspace offline(Workspace workspace, String context, Instant asOf, String reason) {
        String at = ClusterWorkspaces.asOf(asOf);
        var notice = new LoadProblem("context " + context, 0,
                "offline, as of " + at + ": " + reason + "; showing the last state received");
        return workspace.withTitle(context + " (offline, as of " + at + ")")
                .withOffline(List.of(new OfflineSource(context, asOf, reason)), List.of(notice));
    }

    private void saveSnapshot(ClusterRead read) {
        try {
            snapshots.save(read);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not store the snapshot of " + read.context() + ": " + e.getMessage());
        }
    }

    private void onFx(Run run, Runnable action) {
        runner.run(() -> run, r -> {
            if (r == current) {
                action.run();
            }
        }, error -> { });
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /// The watches reconnect (and the snapshots wait) on this one thread, one attempt at a time; made on
    /// first use. Empty once the session is closed: checked and made under the lock [#close] takes to shut
    /// it down, so a read that ends after the close cannot start a thread that nothing would shut down.
    private synchronized Optional<ScheduledExecutorService> scheduler() {
        if (closed) {
            return Optional.empty();
        }
        if (scheduler == null) {
            var executor = new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name("waiver-watch-", 0).factory());
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            scheduler = executor;
        }
        return Optional.of(scheduler);
    }

    /// One opening of contexts: what it read, its watches and client, and its place in the deliveries.
    private static final class Run {
        final Updates updates;
        final SnapshotSaver saver;
        volatile boolean closed;
        volatile List<ContextLoad> loads = List.of();
        volatile Map<String, ClusterWatch> watches = Map.of();
        final Map<String, ConnectionState> connections = new ConcurrentHashMap<>();
        final Map<String, Instant> droppedAt = new ConcurrentHashMap<>();
        final Map<String, ContextStatus.Reading> reading = new ConcurrentHashMap<>();
        final AtomicBoolean dirty = new AtomicBoolean();
        final AtomicLong sequence = new AtomicLong();
        /// FX thread only.
        boolean readDone;
        long shown;
        private ClusterConnector connector;

        Run(Updates updates, SnapshotSaver saver) {
            this.updates = updates;
            this.saver = saver;
        }

        synchronized boolean adopt(ClusterConnector client) {
            if (closed) {
                return false;
            }
            connector = client;
            return true;
        }

        /// False when the run was stopped meanwhile: the watches are closed, and the client again (a
        /// watch made after the stop may have opened a new one).
        synchronized boolean adopt(List<ContextLoad> read, Map<String, ClusterWatch> opened) {
            if (closed) {
                opened.values().forEach(ClusterWatch::close);
                if (connector != null) {
                    connector.close();
                }
                return false;
            }
            loads = List.copyOf(read);
            watches = Map.copyOf(opened);
            return true;
        }

        /// Closes the watches and the client, then saves the changes not saved yet (no more can arrive).
        synchronized void close() {
            closed = true;
            watches.values().forEach(ClusterWatch::close);
            if (connector != null) {
                connector.close();
            }
            saver.flush();
        }
    }
}
