package dev.waiver.app.cluster;

import dev.waiver.app.workspace.Workspace;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/// Keeps a context's register current after its first read: watches PolicyExceptions, ClusterPolicies and
/// Policies from the list's `resourceVersion`, applies each change to the held state and tells the
/// listener, already mapped to engine records.
///
/// Reconnecting is done here, not by fabric8 (the clients are built with no automatic watch reconnects),
/// so the listener can be told the truth: a dropped watch first asks the server for its version; if it
/// answers, the watches resume from the last version seen and the state stays [ConnectionState.Live];
/// if another watch ended during that attempt, the state is [ConnectionState.Reconnecting] until the next
/// attempt has it open again (Live means every kind is watched). If the server does not answer, attempts
/// follow [Backoff] as [ConnectionState.Reconnecting], and after `offlineAfter` attempts (or at once when
/// the server refuses the credentials) as [ConnectionState.Offline], still retrying at the longest
/// interval. A 410 Gone (the version is older than the server keeps) lists the kind again and
/// replaces its part of the state ([ClusterEvent.Resynced]).
///
/// All changes and events happen under this object's lock, so events arrive in order; network calls
/// happen outside it, on the injected scheduler.
public final class ClusterWatch implements AutoCloseable {

    /// How the watch retries. `healthy` is how long a watch must stay open before a drop counts as the
    /// normal end of a long watch (servers end them every few minutes) rather than a failed attempt.
    public record Settings(Backoff backoff, int offlineAfter, Duration healthy, RandomGenerator random) {
        public static Settings defaults() {
            return new Settings(Backoff.defaults(), 5, Duration.ofSeconds(10), RandomGenerator.getDefault());
        }
    }

    private static final System.Logger LOG = System.getLogger(ClusterWatch.class.getName());
    private static final List<ResourceType> WATCHED =
            List.of(ResourceType.POLICY_EXCEPTION, ResourceType.CLUSTER_POLICY, ResourceType.POLICY);

    private final ClusterReader reader;
    private final ClusterListener listener;
    private final ScheduledExecutorService scheduler;
    private final Settings settings;
    private final Consumer<ClusterRead> onFullSync;
    private final Clock clock;
    private final ClusterState state;
    private final List<WatchedKind> kinds = new ArrayList<>();
    /// Held for a whole reconnect attempt, so two attempts never run at once on a shared scheduler.
    private final Object cycleLock = new Object();
    private final Set<WatchedKind> broken = new LinkedHashSet<>();
    private ConnectionState connection;
    private Future<?> nextCycle;
    private int attempt;
    private int quickDrops;
    private boolean relistedAfterGone;
    private boolean closed;

    /// @param read       the live read the watch continues from (its list versions); a snapshot has none,
    ///                   so nothing would be watched
    /// @param onFullSync hears the state after each relist, to store it as the snapshot (changes between
    ///                   relists: see [#liveRead])
    public ClusterWatch(ClusterReader reader, ClusterRead read, ClusterListener listener, ScheduledExecutorService scheduler,
                        Settings settings, Consumer<ClusterRead> onFullSync) {
        this.reader = reader;
        this.listener = listener;
        this.scheduler = scheduler;
        this.settings = settings;
        this.onFullSync = onFullSync;
        this.clock = reader.clock();
        this.state = new ClusterState(read, clock);
        this.connection = new ConnectionState.Live(clock.instant());
        for (ResourceType type : WATCHED) {
            // Only kinds the read could list: one the user may not list would only ever fail to watch.
            String version = read.servedVersions().get(type.kind());
            if (version != null && read.listVersions().containsKey(type.kind())) {
                kinds.add(new WatchedKind(type, version, read.listVersions().get(type.kind())));
            }
        }
    }

    /// Opens the watches on the scheduler and returns at once; the listener hears [ConnectionState.Live] first.
    public synchronized ClusterWatch start() {
        emit(new ClusterEvent.ConnectionChanged(reader.context(), connection));
        kinds.forEach(k -> k.needsRelist = k.resourceVersion == null || k.resourceVersion.isEmpty());
        broken.addAll(kinds);
        schedule(Duration.ZERO);
        return this;
    }

    public synchronized ConnectionState connectionState() {
        return connection;
    }

    /// The context's register as it stands, every change so far applied.
    public synchronized Workspace workspace() {
        return state.workspace();
    }

    /// The state as a read taken now, to store as the snapshot; empty unless the connection is live (the
    /// state is then only as of the drop, and a snapshot says when it was read).
    public synchronized Optional<ClusterRead> liveRead() {
        return connection instanceof ConnectionState.Live ? Optional.of(state.read()) : Optional.empty();
    }

    /// Whether every kind is watched and no attempt is under way: the server could be cut now and the
    /// next attempt would be the first to notice.
    synchronized boolean watchingAll() {
        return everyKindWatched() && nextCycle != null && nextCycle.isDone();
    }

    /// Whether the watch of every kind is open, even while an attempt is still finishing.
    synchronized boolean everyKindWatched() {
        return !closed && broken.isEmpty();
    }

    /// Whether the watch of `type` is open, for tests that end one on purpose and must know it was noticed.
    synchronized boolean watching(ResourceType type) {
        return kinds.stream().anyMatch(k -> k.type == type && k.handle != null && !broken.contains(k));
    }

    /// Tries again now instead of at the next scheduled attempt.
    public synchronized void reconnectNow() {
        if (!broken.isEmpty()) {
            schedule(Duration.ZERO);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (nextCycle != null) {
            nextCycle.cancel(false);
        }
        for (WatchedKind k : kinds) {
            k.generation++;
            if (k.handle != null) {
                k.handle.close();
                k.handle = null;
            }
        }
    }

    /// One reconnect attempt, on the scheduler: check the server, relist what must be, reopen the watches.
    private void cycle() {
        synchronized (cycleLock) {
            List<WatchedKind> todo;
            synchronized (this) {
                if (closed || broken.isEmpty()) {
                    return;
                }
                todo = List.copyOf(broken);
            }
            attempt(todo);
        }
    }

    private void attempt(List<WatchedKind> todo) {
        String action = "reach the server";
        try {
            reader.client().getKubernetesVersion();
            for (WatchedKind k : todo) {
                if (k.needsRelist) {
                    action = "list " + k.type.resourceName() + (k.type.namespaced() ? " in all namespaces" : "");
                    relist(k);
                }
                action = "watch " + k.type.resourceName() + (k.type.namespaced() ? " in all namespaces" : "");
                open(k);
            }
            synchronized (this) {
                if (closed) {
                    return; // closed during the attempt: what it left unopened is not a drop to report
                }
                attempt = 0;
                relistedAfterGone = false;
                if (broken.isEmpty()) {
                    setConnection(new ConnectionState.Live(clock.instant()));
                } else {
                    // A watch ended during this attempt, after it had taken its list: the server answered, but
                    // changes of that kind would be missed until the next attempt, so the context is not live.
                    Duration wait = afterDrops();
                    setConnection(new ConnectionState.Reconnecting(1, clock.instant().plus(wait),
                            broken.iterator().next().endedBecause));
                    schedule(wait);
                }
            }
        } catch (RuntimeException e) {
            failed(e, action);
        }
    }

    private void relist(WatchedKind k) {
        ClusterReader.Listed listed = reader.list(k.type, k.version, page -> { });
        ClusterRead now;
        synchronized (this) {
            if (closed) {
                return;
            }
            state.replaceKind(k.type.kind(), listed.objects(), listed.resourceVersion());
            k.resourceVersion = listed.resourceVersion();
            k.needsRelist = false;
            emit(new ClusterEvent.Resynced(reader.context(), state.workspace()));
            now = state.read();
        }
        try {
            onFullSync.accept(now);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not store the snapshot of " + reader.context() + ": " + e.getMessage());
        }
    }

    private void open(WatchedKind k) {
        int generation;
        String from;
        synchronized (this) {
            if (closed) {
                return;
            }
            generation = ++k.generation;
            from = k.resourceVersion;
        }
        ListOptions options = new ListOptionsBuilder().withResourceVersion(from).withAllowWatchBookmarks(true).build();
        var ops = reader.client().genericKubernetesResources(k.type.definition(k.version));
        Watcher<GenericKubernetesResource> watcher = new KindWatcher(k, generation);
        Watch handle = k.type.namespaced() ? ops.inAnyNamespace().watch(options, watcher) : ops.watch(options, watcher);
        synchronized (this) {
            if (closed || generation != k.generation) {
                handle.close();
                return;
            }
            if (k.droppedGeneration == generation) {
                return; // it ended before this line: it stays broken, and the end of this attempt sees to it
            }
            k.handle = handle;
            k.openedAt = clock.instant();
            broken.remove(k);
        }
    }

    private synchronized void failed(Exception error, String action) {
        if (closed) {
            return;
        }
        if (ClusterErrors.isGone(error)) {
            broken.forEach(k -> k.needsRelist = true);
            if (!relistedAfterGone) {
                relistedAfterGone = true; // routine: list again at once; only a second 410 in a row is a failure
                schedule(Duration.ZERO);
                return;
            }
        }
        String reason = ClusterErrors.describe(error, action);
        attempt++;
        Duration wait = settings.backoff().delay(attempt, settings.random());
        if (ClusterErrors.isDenied(error) || attempt > settings.offlineAfter()) {
            Instant since = connection instanceof ConnectionState.Offline o ? o.since() : clock.instant();
            setConnection(new ConnectionState.Offline(reason, since));
        } else {
            setConnection(new ConnectionState.Reconnecting(attempt, clock.instant().plus(wait), reason));
        }
        schedule(wait);
    }

    /// A watch ended by the server or the network. The next attempt checks the server at once, so the
    /// state says why it is down (the drop itself only says "ended"). A long-lived watch ending is
    /// routine (servers end them every few minutes); watches that keep ending right after they open wait
    /// longer each time, so a proxy that cuts them cannot make Waiver hammer the server.
    private synchronized void dropped(WatchedKind k, WatcherException cause) {
        k.handle = null;
        k.droppedGeneration = k.generation;
        broken.add(k);
        boolean gone = cause != null && cause.isHttpGone();
        k.endedBecause = "the watch of " + k.type.resourceName()
                + (gone ? " could not continue: the list expired on the server (resourceVersion too old)" : " ended");
        if (gone) {
            k.needsRelist = true;
            schedule(Duration.ZERO);
            return;
        }
        boolean routine = k.openedAt != null && !clock.instant().isBefore(k.openedAt.plus(settings.healthy()));
        quickDrops = routine ? 0 : quickDrops + 1;
        if (nextCycle != null && !nextCycle.isDone()) {
            // An attempt is due or under way: one due takes this kind along; one under way has taken its
            // list already, and on success schedules the next for what is still broken (on failure, the
            // retry takes every broken kind). Either way one attempt at a time, and this drop is not lost.
            return;
        }
        schedule(afterDrops());
    }

    /// The wait before reopening dropped watches: none for the first quick drop, then growing.
    private Duration afterDrops() {
        return quickDrops <= 1 ? Duration.ZERO : settings.backoff().delay(quickDrops - 1, settings.random());
    }

    private synchronized void received(WatchedKind k, Watcher.Action action, GenericKubernetesResource resource) {
        if (resource == null || resource.getMetadata() == null) {
            return;
        }
        Optional.ofNullable(resource.getMetadata().getResourceVersion()).ifPresent(rv -> k.resourceVersion = rv);
        quickDrops = 0;
        if (action != Watcher.Action.ADDED && action != Watcher.Action.MODIFIED && action != Watcher.Action.DELETED) {
            return;
        }
        var object = ClusterObject.of(reader.toTree(resource, k.type.apiVersion(k.version), k.type.kind()));
        state.apply(object, action == Watcher.Action.DELETED).ifPresent(this::emit);
    }

    private void schedule(Duration wait) {
        if (closed) {
            return;
        }
        if (nextCycle != null) {
            nextCycle.cancel(false);
        }
        nextCycle = scheduler.schedule(this::cycle, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void setConnection(ConnectionState next) {
        boolean sameKind = next.getClass() == connection.getClass();
        connection = next;
        if (!sameKind || next instanceof ConnectionState.Reconnecting) {
            emit(new ClusterEvent.ConnectionChanged(reader.context(), next));
        }
    }

    private void emit(ClusterEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cluster listener failed on " + event.getClass().getSimpleName(), e);
        }
    }

    /// fabric8's callbacks for one opened watch; those of a watch since replaced are ignored.
    private final class KindWatcher implements Watcher<GenericKubernetesResource> {
        private final WatchedKind kind;
        private final int generation;

        KindWatcher(WatchedKind kind, int generation) {
            this.kind = kind;
            this.generation = generation;
        }

        @Override
        public void eventReceived(Action action, GenericKubernetesResource resource) {
            synchronized (ClusterWatch.this) {
                if (!closed && generation == kind.generation) {
                    received(kind, action, resource);
                }
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            synchronized (ClusterWatch.this) {
                if (!closed && generation == kind.generation) {
                    dropped(kind, cause);
                }
            }
        }

        @Override
        public void onClose() {
            // closed by this watch itself
        }
    }
}
