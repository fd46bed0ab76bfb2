package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.engine.tree.Trees;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// Create, update and delete against the CRUD mock, with Kyverno's CRD registered as in a real cluster.
class ClusterWriterCrudTest {

    private LoopbackApiServer api;
    private ClusterWriter writer;

    @BeforeEach
    void start() {
        api = LoopbackApiServer.crud();
        KyvernoCrds.register(api.client);
        writer = new ClusterWriter(api.client, new IdentityLookup(api.client, LoopbackApiServer.KUBECONFIG_USER));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void createStoresTheObjectAndReportsItsVersionAndUid() {
        var written = assertInstanceOf(Written.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));

        assertFalse(written.resourceVersion().isEmpty());
        assertFalse(written.uid().isEmpty());
        var stored = stored("delta", "allow-debug");
        assertEquals(written.resourceVersion(), stored.getMetadata().getResourceVersion());
        assertEquals(written.uid(), stored.getMetadata().getUid());
    }

    @Test
    void unknownFieldsSurviveCreateAndUpdate() {
        var original = ExemptionYaml.allowDebug("delta", "allow-debug");
        var created = assertInstanceOf(Written.class, writer.create(original));
        assertUnknownFieldsKept(created.object());

        var edited = ObjectMaps.copy(created.object());
        annotations(edited).put("waiver.dev/expires", "2027-01-31T00:00:00Z");
        var updated = assertInstanceOf(Written.class, writer.update(created.object(), edited));

        assertUnknownFieldsKept(updated.object());
        var readBack = serverMap("delta", "allow-debug");
        assertUnknownFieldsKept(readBack);
        assertEquals(List.of(new FieldChange("metadata.annotations[\"waiver.dev/expires\"]", FieldChange.Change.CHANGED)),
                ObjectChanges.between(original, readBack).stream()
                        .filter(change -> !change.path().equals("metadata.uid")).toList());
    }

    @Test
    void updateWithTheVersionSeenIsWritten() {
        var created = assertInstanceOf(Written.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));
        var edited = ObjectMaps.copy(created.object());
        annotations(edited).put("waiver.dev/approved-by", "rita");

        var updated = assertInstanceOf(Written.class, writer.update(created.object(), edited));

        assertNotEquals(created.resourceVersion(), updated.resourceVersion());
        assertEquals("rita", stored("delta", "allow-debug").getMetadata().getAnnotations().get("waiver.dev/approved-by"));
    }

    @Test
    void updateWithAStaleVersionIsAConflictAndOverwritesNothing() {
        var created = assertInstanceOf(Written.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));
        var seen = created.object();
        var theirs = ObjectMaps.copy(seen);
        annotations(theirs).put("waiver.dev/expires", "2026-06-30T00:00:00Z");
        labels(theirs).put("reviewed", "yes");
        var theirWrite = assertInstanceOf(Written.class, writer.update(seen, theirs));
        var ours = ObjectMaps.copy(seen);
        annotations(ours).put("waiver.dev/approved-by", "rita");

        var conflict = assertInstanceOf(Conflict.class, writer.update(seen, ours));

        assertEquals(theirWrite.resourceVersion(), conflict.currentResourceVersion());
        assertEquals("2026-06-30T00:00:00Z", Trees.at(conflict.current(), "metadata", "annotations", "waiver.dev/expires").orElseThrow());
        assertEquals(List.of("metadata.annotations[\"waiver.dev/expires\"] changed", "metadata.labels.reviewed added"),
                conflict.changes().stream().map(FieldChange::describe).toList());
        assertTrue(conflict.summary().startsWith("PolicyException delta/allow-debug was changed in the cluster since you read it"),
                conflict.summary());
        var stored = stored("delta", "allow-debug");
        assertEquals(theirWrite.resourceVersion(), stored.getMetadata().getResourceVersion());
        assertNull(stored.getMetadata().getAnnotations().get("waiver.dev/approved-by"));
    }

    @Test
    void aConflictCanBeRetriedAgainstTheCurrentObject() {
        var created = assertInstanceOf(Written.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));
        var theirs = ObjectMaps.copy(created.object());
        labels(theirs).put("reviewed", "yes");
        writer.update(created.object(), theirs);
        var ours = ObjectMaps.copy(created.object());
        annotations(ours).put("waiver.dev/approved-by", "rita");
        var conflict = assertInstanceOf(Conflict.class, writer.update(created.object(), ours));

        var again = ObjectMaps.copy(conflict.current());
        annotations(again).put("waiver.dev/approved-by", "rita");
        assertInstanceOf(Written.class, writer.update(conflict.current(), again));

        var stored = stored("delta", "allow-debug").getMetadata();
        assertEquals("yes", stored.getLabels().get("reviewed"));
        assertEquals("rita", stored.getAnnotations().get("waiver.dev/approved-by"));
    }

    @Test
    void creatingAnExistingNameIsAConflictUnlessItHoldsTheSameContent() {
        assertInstanceOf(Written.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));

        assertInstanceOf(Written.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")),
                "a repeated create whose first answer was lost");

        var different = ExemptionYaml.allowDebug("delta", "allow-debug");
        annotations(different).put("waiver.dev/requestor", "eve");
        var conflict = assertInstanceOf(Conflict.class, writer.create(different));
        assertEquals("PolicyException delta/allow-debug already exists", conflict.reason());
        assertEquals(List.of("metadata.annotations[\"waiver.dev/requestor\"] changed", "metadata.uid added"),
                conflict.changes().stream().map(FieldChange::describe).toList());
        assertEquals("dana", stored("delta", "allow-debug").getMetadata().getAnnotations().get("waiver.dev/requestor"));
    }

    @Test
    void updatingAnObjectThatIsGoneSaysItWasDeleted() {
        var created = assertInstanceOf(Written.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));
        assertInstanceOf(Deleted.class, writer.delete(created.object()));

        var refused = assertInstanceOf(Refused.class, writer.update(created.object(), created.object()));

        assertEquals(Refused.Kind.NOT_FOUND, refused.kind());
        assertEquals("PolicyException delta/allow-debug was deleted meanwhile; nothing was written.", refused.reason());
    }

    @Test
    void deleteWithTheUidSeenRemovesTheObject() {
        var created = assertInstanceOf(Written.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));

        assertEquals(new Deleted(created.uid()), writer.delete(created.object()));

        assertNull(stored("delta", "allow-debug"));
        assertEquals(new AlreadyGone("delta", "allow-debug"), writer.delete(created.object()));
    }

    @Test
    void deleteOfAnotherObjectOfTheSameNameIsRefusedAndLeavesItThere() {
        var created = assertInstanceOf(Written.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));
        var seen = ObjectMaps.copy(created.object());
        ObjectMaps.metadata(seen).put("uid", "uid-of-an-earlier-object");

        var conflict = assertInstanceOf(Conflict.class, writer.delete(seen));

        assertEquals("PolicyException delta/allow-debug was deleted and created again since you read it", conflict.reason());
        assertEquals(created.uid(), stored("delta", "allow-debug").getMetadata().getUid());
    }

    @Test
    void deleteOfAChangedVersionIsRefusedButWithoutAVersionItGoes() {
        var created = assertInstanceOf(Written.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));
        var theirs = ObjectMaps.copy(created.object());
        labels(theirs).put("reviewed", "yes");
        assertInstanceOf(Written.class, writer.update(created.object(), theirs));

        var conflict = assertInstanceOf(Conflict.class, writer.delete(created.object()));
        assertEquals(List.of("metadata.labels.reviewed added"), conflict.changes().stream().map(FieldChange::describe).toList());
        assertTrue(stored("delta", "allow-debug") != null);

        var anyVersion = ObjectMaps.copy(created.object());
        ObjectMaps.metadata(anyVersion).remove("resourceVersion");
        assertInstanceOf(Deleted.class, writer.delete(anyVersion));
        assertNull(stored("delta", "allow-debug"));
    }

    @Test
    void writesNeedTheCoordinatesTheyCheck() {
        var noVersion = ExemptionYaml.allowDebug("delta", "allow-debug");
        var refused = assertInstanceOf(Refused.class, writer.update(noVersion, noVersion));
        assertEquals(Refused.Kind.INCOMPLETE, refused.kind());
        assertEquals(Refused.NO_ANSWER, refused.httpCode());

        assertEquals(Refused.Kind.INCOMPLETE, assertInstanceOf(Refused.class, writer.delete(noVersion)).kind());
        var otherName = ExemptionYaml.allowDebug("delta", "other");
        ObjectMaps.metadata(noVersion).put("resourceVersion", "1");
        assertEquals(Refused.Kind.INCOMPLETE, assertInstanceOf(Refused.class, writer.update(noVersion, otherName)).kind());
        assertEquals(Refused.Kind.INCOMPLETE, assertInstanceOf(Refused.class, writer.create(Map.of("kind", "PolicyException"))).kind());
        assertEquals(0, api.client.genericKubernetesResources(ExemptionKind.KYVERNO_V2.context()).inAnyNamespace().list().getItems().size());
    }

    @Test
    void theCallersObjectsAreNotChanged() {
        var original = ExemptionYaml.allowDebug("delta", "allow-debug");
        var snapshot = ObjectMaps.copy(original);
        var created = assertInstanceOf(Written.class, writer.create(original));
        var edited = ObjectMaps.copy(created.object());
        ObjectMaps.metadata(edited).put("resourceVersion", "999");
        var editedSnapshot = ObjectMaps.copy(edited);

        assertInstanceOf(Written.class, writer.update(created.object(), edited));

        assertEquals(snapshot, original);
        assertEquals(editedSnapshot, edited);
    }

    private static void assertUnknownFieldsKept(Map<String, Object> object) {
        assertEquals("keep this", object.get("x-team-notes"));
        var nested = Trees.list(object, "spec", "futureField", "nested");
        assertEquals(5, nested.size());
        assertEquals(1, ((Number) nested.get(0)).intValue());
        assertEquals("2", nested.get(1));
        assertEquals(Boolean.TRUE, nested.get(2));
        assertNull(nested.get(3));
        assertEquals(2.5, ((Number) nested.get(4)).doubleValue());
        assertEquals("12345678901234567890", Trees.at(object, "spec", "futureField", "big").orElseThrow().toString());
        assertEquals(Boolean.TRUE, Trees.maps(object, "spec", "conditions", "all").getFirst().get("value"));
        assertEquals(Boolean.FALSE, Trees.at(object, "spec", "background").orElseThrow());
    }

    private GenericKubernetesResource stored(String namespace, String name) {
        return api.client.genericKubernetesResources(ExemptionKind.KYVERNO_V2.context())
                .inNamespace(namespace).withName(name).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> serverMap(String namespace, String name) {
        return api.client.getKubernetesSerialization().convertValue(stored(namespace, name), Map.class);
    }

    private static Map<String, Object> annotations(Map<String, Object> object) {
        return child(ObjectMaps.metadata(object), "annotations");
    }

    private static Map<String, Object> labels(Map<String, Object> object) {
        return child(ObjectMaps.metadata(object), "labels");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new java.util.LinkedHashMap<String, Object>());
    }
}
