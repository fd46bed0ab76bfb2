package dev.waiver.app.cluster;

import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.Source;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// What a context holds now: the last full read with every watched change applied. Guarded by its
/// watch's lock; not thread-safe on its own.
final class ClusterState {

    private final ClusterRead base;
    private final Map<String, ClusterObject> objects = new LinkedHashMap<>();
    private final Map<String, String> listVersions;
    private final Clock clock;

    ClusterState(ClusterRead read, Clock clock) {
        this.base = read;
        this.clock = clock;
        this.listVersions = new LinkedHashMap<>(read.listVersions());
        read.objects().forEach(o -> objects.put(o.key(), o));
    }

    /// Adds or replaces the object; empty when the server sent what is already held (a watch replaying
    /// the current state after a reconnect), so no one is told of a change that did not happen.
    Optional<ClusterObject> put(ClusterObject object) {
        ClusterObject old = objects.put(object.key(), object);
        boolean same = old != null && !object.resourceVersion().isEmpty()
                && old.resourceVersion().equals(object.resourceVersion());
        return same ? Optional.empty() : Optional.of(object);
    }

    Optional<ClusterObject> remove(ClusterObject object) {
        return Optional.ofNullable(objects.remove(object.key()));
    }

    /// Applies one watched change and says what the register's listener must hear: nothing when the
    /// change was already held; an exception as the engine's record (with the id the register gave it);
    /// for a policy, the new catalog.
    Optional<ClusterEvent> apply(ClusterObject object, boolean deleted) {
        boolean changed = deleted ? remove(object).isPresent() : put(object).isPresent();
        if (!changed) {
            return Optional.empty();
        }
        String context = base.context();
        if (!object.kind().equals(ResourceType.POLICY_EXCEPTION.kind())) {
            return Optional.of(new ClusterEvent.PoliciesChanged(context, catalog()));
        }
        var exemption = KyvernoObjects.toExemption(object.tree(), object.document(), Source.context(context),
                Optional.of(context + ": " + object.key()));
        return Optional.of(deleted ? new ClusterEvent.ExemptionRemoved(context, exemption.id())
                : new ClusterEvent.ExemptionChanged(context, exemption));
    }

    /// A fresh list of one kind replaces everything held of that kind.
    void replaceKind(String kind, List<ClusterObject> fresh, String resourceVersion) {
        objects.values().removeIf(o -> o.kind().equals(kind));
        fresh.forEach(o -> objects.put(o.key(), o));
        listVersions.put(kind, resourceVersion);
    }

    PolicyCatalog catalog() {
        return new PolicyCatalog(objects.values().stream()
                .filter(o -> !o.kind().equals(ResourceType.POLICY_EXCEPTION.kind()))
                .map(ClusterObject::tree).filter(KyvernoObjects::isPolicy)
                .map(KyvernoObjects::toPolicySummary).toList());
    }

    /// The state as a read, taken now: what a snapshot stores after a relist.
    ClusterRead read() {
        return new ClusterRead(base.context(), clock.instant(), new ArrayList<>(objects.values()), base.servedVersions(),
                listVersions, base.exceptionNamespace(), base.problems());
    }

    Workspace workspace() {
        return ClusterWorkspaces.live(read());
    }
}
