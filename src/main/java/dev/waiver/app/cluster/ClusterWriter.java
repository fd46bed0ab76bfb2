package dev.waiver.app.cluster;

import dev.waiver.app.cluster.Refused.Kind;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/// Creates, updates and deletes exception objects in one cluster, never overwriting what the reviewer
/// has not seen.
///
/// - Every write is one request: a create is one POST, an update one PUT carrying the resourceVersion the
///   reviewer saw, a delete one DELETE with uid (and resourceVersion) preconditions. There is no
///   create-then-patch, no merge patch and no server-side apply, so a failure leaves either the old object
///   or the new one, never a mixture. fabric8's automatic retries (on 5xx and I/O errors) are switched off
///   for writes: a retried PUT whose first attempt landed would come back as a conflict with ourselves.
///   The one retry left is fabric8's own after a 401, once it has refreshed the credentials (exec plugin,
///   OIDC, re-read kubeconfig): that request was not processed, so repeating it is safe.
/// - A stale resourceVersion gives a [Conflict] holding the object as the cluster has it now and what
///   changed since the reviewer read it. The caller asks the user and retries against that object.
/// - Objects travel as the plain maps the app reads YAML into, so fields Waiver does not know survive.
///
/// Calls block; run them off the FX thread.
public final class ClusterWriter {

    private final KubernetesClient writes;
    private final KubernetesSerialization serialization;
    private final Refusals refusals;

    /// @param identity names the user in "not allowed" messages; asked only when the cluster says 403
    public ClusterWriter(KubernetesClient client, IdentityLookup identity) {
        Config config = client.getConfiguration();
        this.writes = SingleAttempt.of(client);
        this.serialization = client.getKubernetesSerialization();
        this.refusals = new Refusals(new Redaction(config), () -> identity.current().username(),
                Objects.requireNonNullElse(config.getRequestTimeout(), Config.DEFAULT_REQUEST_TIMEOUT));
    }

    /// Creates the object (an apply). Its `metadata.resourceVersion` and `uid`, if any, are dropped: they
    /// belong to another object. If one of that name exists the result is a [Conflict], unless it already
    /// holds exactly this content (an earlier attempt whose answer was lost), which counts as [Written].
    public WriteOutcome create(Map<String, Object> object) {
        Optional<ObjectRef> found = ObjectRef.of(object);
        if (found.isEmpty()) {
            return incomplete("the object to create has no apiVersion, kind, metadata.namespace or metadata.name");
        }
        ObjectRef ref = found.get();
        Map<String, Object> body = ObjectMaps.copy(object);
        ObjectMaps.metadata(body).remove("resourceVersion");
        ObjectMaps.metadata(body).remove("uid");
        try {
            return written(objects(ref).resource(toResource(body)).create());
        } catch (KubernetesClientException failure) {
            if (failure.getCode() != 409) {
                return refusals.from(failure, WriteVerb.CREATE, ref);
            }
            return afterConflict(ref, WriteVerb.CREATE, body, body, ref.label() + " already exists");
        }
    }

    /// Replaces the object with `edited`, provided the cluster still holds the version in `seen` (the
    /// object as the reviewer read it from this cluster, with its `metadata.resourceVersion`). The
    /// resourceVersion sent is always `seen`'s, whatever `edited` carries.
    public WriteOutcome update(Map<String, Object> seen, Map<String, Object> edited) {
        Optional<ObjectRef> found = ObjectRef.of(seen);
        if (found.isEmpty() || !found.equals(ObjectRef.of(edited))) {
            return incomplete("the edited object must have the apiVersion, kind, namespace and name of the one read");
        }
        ObjectRef ref = found.get();
        String resourceVersion = ObjectRef.text(seen, "metadata", "resourceVersion");
        if (resourceVersion.isEmpty()) {
            return incomplete(ref.label() + " has no resourceVersion; read it from the cluster before changing it");
        }
        Map<String, Object> body = ObjectMaps.copy(edited);
        ObjectMaps.metadata(body).put("resourceVersion", resourceVersion);
        try {
            return written(objects(ref).resource(toResource(body)).update());
        } catch (KubernetesClientException failure) {
            if (failure.getCode() != 409) {
                return refusals.from(failure, WriteVerb.UPDATE, ref);
            }
            return afterConflict(ref, WriteVerb.UPDATE, seen, body, changedReason(ref, seen));
        }
    }

    /// Deletes the object the reviewer saw: `seen` must carry its `metadata.uid`, so that an object
    /// re-created under the same name is never removed by mistake; its `metadata.resourceVersion`, when
    /// present, must also still match (leave it out to delete whatever the latest version of that object is).
    ///
    /// The object is read first and compared, then deleted with the same conditions as preconditions, which
    /// the API server enforces atomically. The read makes the common case (someone changed it) answer with
    /// the current object, and protects against servers that ignore preconditions (fabric8's mock does).
    public DeleteOutcome delete(Map<String, Object> seen) {
        Optional<ObjectRef> found = ObjectRef.of(seen);
        if (found.isEmpty()) {
            return incomplete("the object to delete has no apiVersion, kind, metadata.namespace or metadata.name");
        }
        ObjectRef ref = found.get();
        String uid = ObjectRef.text(seen, "metadata", "uid");
        String resourceVersion = ObjectRef.text(seen, "metadata", "resourceVersion");
        if (uid.isEmpty()) {
            return incomplete(ref.label() + " has no uid; read it from the cluster before deleting it");
        }
        Optional<Map<String, Object>> current;
        try {
            current = read(ref);
        } catch (KubernetesClientException failure) {
            return refusals.fromRead(failure, WriteVerb.DELETE, ref);
        }
        if (current.isEmpty()) {
            return new AlreadyGone(ref.namespace(), ref.name());
        }
        Optional<Conflict> differs = differs(ref, seen, current.get(), !resourceVersion.isEmpty());
        if (differs.isPresent()) {
            return differs.get();
        }
        var options = new DeleteOptionsBuilder().withNewPreconditions().withUid(uid)
                .withResourceVersion(resourceVersion.isEmpty() ? null : resourceVersion).endPreconditions().build();
        try {
            writes.raw(ref.path(), "DELETE", options);
            return new Deleted(uid);
        } catch (KubernetesClientException failure) {
            return switch (failure.getCode()) {
                case 404 -> new AlreadyGone(ref.namespace(), ref.name());
                case 409 -> conflictAfterDelete(ref, seen);
                default -> refusals.from(failure, WriteVerb.DELETE, ref);
            };
        }
    }

    /// After a 409 on create or update: the object as it is now, or [Written] if it already holds
    /// what we meant to write.
    private WriteOutcome afterConflict(ObjectRef ref, WriteVerb verb, Map<String, Object> seen,
                                       Map<String, Object> body, String reason) {
        Optional<Map<String, Object>> current;
        try {
            current = read(ref);
        } catch (KubernetesClientException failure) {
            return refusals.fromRead(failure, verb, ref);
        }
        if (current.isEmpty()) {
            return verb == WriteVerb.UPDATE
                    ? new Refused(Kind.NOT_FOUND, ref.label() + " was deleted meanwhile; nothing was written.", 404)
                    : new Refused(Kind.SERVER, ref.label() + " existed a moment ago and is gone now; "
                            + "nothing was written. Try again.", 409);
        }
        Map<String, Object> now = current.get();
        if (ObjectChanges.sameContent(body, now)) {
            return writtenMap(now);
        }
        return new Conflict(recreated(seen, now) ? recreatedReason(ref) : reason, now,
                ObjectChanges.between(seen, now));
    }

    private DeleteOutcome conflictAfterDelete(ObjectRef ref, Map<String, Object> seen) {
        try {
            Optional<Map<String, Object>> current = read(ref);
            if (current.isEmpty()) {
                return new AlreadyGone(ref.namespace(), ref.name());
            }
            return differs(ref, seen, current.get(), true).orElseGet(() ->
                    new Conflict(changedReason(ref, seen), current.get(), List.of()));
        } catch (KubernetesClientException failure) {
            return refusals.fromRead(failure, WriteVerb.DELETE, ref);
        }
    }

    /// A conflict when `current` is not the object in `seen` (other uid), or, if `checkVersion`, not
    /// the version in `seen`.
    private static Optional<Conflict> differs(ObjectRef ref, Map<String, Object> seen, Map<String, Object> current,
                                              boolean checkVersion) {
        if (recreated(seen, current)) {
            return Optional.of(new Conflict(recreatedReason(ref), current, ObjectChanges.between(seen, current)));
        }
        String seenVersion = ObjectRef.text(seen, "metadata", "resourceVersion");
        if (checkVersion && !seenVersion.equals(ObjectRef.text(current, "metadata", "resourceVersion"))) {
            return Optional.of(new Conflict(changedReason(ref, seen), current, ObjectChanges.between(seen, current)));
        }
        return Optional.empty();
    }

    private static boolean recreated(Map<String, Object> seen, Map<String, Object> current) {
        String seenUid = ObjectRef.text(seen, "metadata", "uid");
        return !seenUid.isEmpty() && !seenUid.equals(ObjectRef.text(current, "metadata", "uid"));
    }

    private static String recreatedReason(ObjectRef ref) {
        return ref.label() + " was deleted and created again since you read it";
    }

    private static String changedReason(ObjectRef ref, Map<String, Object> seen) {
        return ref.label() + " was changed in the cluster since you read it (version "
                + ObjectRef.text(seen, "metadata", "resourceVersion") + ")";
    }

    private Optional<Map<String, Object>> read(ObjectRef ref) {
        return Optional.ofNullable(objects(ref).withName(ref.name()).get()).map(this::toMap);
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> objects(ObjectRef ref) {
        return writes.genericKubernetesResources(ref.kind().context()).inNamespace(ref.namespace());
    }

    private GenericKubernetesResource toResource(Map<String, Object> object) {
        return serialization.convertValue(object, GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(GenericKubernetesResource resource) {
        return new LinkedHashMap<String, Object>(serialization.convertValue(resource, Map.class));
    }

    private Written written(GenericKubernetesResource stored) {
        return writtenMap(toMap(stored));
    }

    private static Written writtenMap(Map<String, Object> stored) {
        return new Written(ObjectRef.text(stored, "metadata", "resourceVersion"),
                ObjectRef.text(stored, "metadata", "uid"), stored);
    }

    private static Refused incomplete(String reason) {
        return new Refused(Kind.INCOMPLETE, Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".",
                Refused.NO_ANSWER);
    }
}
