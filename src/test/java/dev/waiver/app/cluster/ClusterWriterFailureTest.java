package dev.waiver.app.cluster;

import static dev.waiver.app.cluster.LoopbackApiServer.collectionPath;
import static dev.waiver.app.cluster.LoopbackApiServer.objectPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/// What a real API server answers and the CRUD mock never does: 403, 404, 409 on a delete precondition,
/// 422, 5xx, no answer at all.
class ClusterWriterFailureTest {

    private LoopbackApiServer api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private ClusterWriter writer(LoopbackApiServer server) {
        api = server;
        return new ClusterWriter(api.client, new IdentityLookup(api.client, LoopbackApiServer.KUBECONFIG_USER));
    }

    static Map<String, Object> seen() {
        var object = ExemptionYaml.allowDebug("delta", "allow-debug");
        ObjectMaps.metadata(object).put("resourceVersion", "7");
        ObjectMaps.metadata(object).put("uid", "u-1");
        return object;
    }

    static Map<String, Object> selfSubjectReview(String username) {
        return Map.of("apiVersion", "authentication.k8s.io/v1", "kind", "SelfSubjectReview",
                "status", Map.of("userInfo", Map.of("username", username, "groups", List.of("system:authenticated"))));
    }

    @Test
    void forbiddenNamesVerbNamespaceAndTheUserTheClusterKnows() {
        var writer = writer(LoopbackApiServer.expectations());
        api.server.expect().put().withPath(objectPath("delta", "allow-debug")).andReturn(403, ApiStatus.of(403, "Forbidden",
                "policyexceptions.kyverno.io \"allow-debug\" is forbidden: User \"alice@example.com\" cannot update resource")).once();
        api.server.expect().post().withPath("/apis/authentication.k8s.io/v1/selfsubjectreviews")
                .andReturn(201, selfSubjectReview("alice@example.com")).once();

        var refused = assertInstanceOf(Refused.class, writer.update(seen(), seen()));

        assertEquals(new Refused(Refused.Kind.FORBIDDEN, "Not allowed to update policyexceptions.kyverno.io in namespace "
                + "delta as alice@example.com; nothing was written.", 403), refused);
    }

    @Test
    void forbiddenFallsBackToTheKubeconfigUserWhenTheClusterWillNotSay() {
        var writer = writer(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(collectionPath("delta")).andReturn(403, ApiStatus.of(403, "Forbidden", "forbidden")).once();

        var refused = assertInstanceOf(Refused.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));

        assertEquals("Not allowed to create policyexceptions.kyverno.io in namespace delta as alice-on-dev; nothing was written.",
                refused.reason());
    }

    @Test
    void invalidObjectsGiveTheServersValidationMessage() {
        var writer = writer(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(collectionPath("delta")).andReturn(422, ApiStatus.of(422, "Invalid",
                "PolicyException.kyverno.io \"allow-debug\" is invalid: spec.exceptions: Required value")).once();
        api.server.expect().put().withPath(objectPath("delta", "allow-debug")).andReturn(422,
                ApiStatus.invalid("PolicyException.kyverno.io \"allow-debug\" is invalid", "spec.match", "Required value")).once();

        var onCreate = assertInstanceOf(Refused.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));
        var onUpdate = assertInstanceOf(Refused.class, writer.update(seen(), seen()));

        assertEquals(new Refused(Refused.Kind.INVALID, "The cluster rejected PolicyException delta/allow-debug: "
                + "PolicyException.kyverno.io \"allow-debug\" is invalid: spec.exceptions: Required value.", 422), onCreate);
        assertEquals("The cluster rejected PolicyException delta/allow-debug: PolicyException.kyverno.io \"allow-debug\" "
                + "is invalid; spec.match: Required value.", onUpdate.reason());
    }

    @Test
    void updateOfAnObjectDeletedMeanwhileSaysSo() {
        var writer = writer(LoopbackApiServer.expectations());
        api.server.expect().put().withPath(objectPath("delta", "allow-debug"))
                .andReturn(404, ApiStatus.of(404, "NotFound", "policyexceptions.kyverno.io \"allow-debug\" not found")).once();

        assertEquals(new Refused(Refused.Kind.NOT_FOUND,
                "PolicyException delta/allow-debug was deleted meanwhile; nothing was written.", 404), writer.update(seen(), seen()));
    }

    @Test
    void createInANamespaceThatDoesNotExistSaysWhy() {
        var writer = writer(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(collectionPath("nowhere"))
                .andReturn(404, ApiStatus.of(404, "NotFound", "namespaces \"nowhere\" not found")).once();

        var refused = assertInstanceOf(Refused.class, writer.create(ExemptionYaml.allowDebug("nowhere", "allow-debug")));

        assertEquals("Cannot create PolicyException nowhere/allow-debug: the cluster has no namespace nowhere or does not "
                + "serve kyverno.io/v2 PolicyException (namespaces \"nowhere\" not found).", refused.reason());
    }

    @Test
    void aServerErrorIsReportedAfterOneRequestNotRetried() {
        var writer = writer(LoopbackApiServer.expectations());
        api.server.expect().put().withPath(objectPath("delta", "allow-debug"))
                .andReturn(503, ApiStatus.of(503, "ServiceUnavailable", "etcd leader changed")).always();

        var refused = assertInstanceOf(Refused.class, writer.update(seen(), seen()));

        assertEquals(new Refused(Refused.Kind.SERVER, "The API server could not update PolicyException delta/allow-debug "
                + "(HTTP 503: etcd leader changed); re-read it before retrying.", 503), refused);
        assertEquals(List.of("PUT " + objectPath("delta", "allow-debug")), api.takeRequestLines());
    }

    @Test
    void noAnswerInTimeIsAClearTimeoutAndTheTestDoesNotWaitForTheServer() {
        var writer = writer(LoopbackApiServer.expectations(300));
        api.server.expect().put().delay(20, TimeUnit.SECONDS).withPath(objectPath("delta", "allow-debug"))
                .andReturn(200, seen()).always();

        var outcome = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> writer.update(seen(), seen()));

        var refused = assertInstanceOf(Refused.class, outcome);
        assertEquals(Refused.Kind.TIMEOUT, refused.kind());
        assertEquals(Refused.NO_ANSWER, refused.httpCode());
        assertEquals("The API server did not answer within 0.3 s; the update of PolicyException delta/allow-debug may "
                + "or may not have been applied. Re-read it before retrying.", refused.reason());
    }

    @Test
    void anUnreachableServerMeansNothingWasWritten() {
        api = LoopbackApiServer.expectations();
        try (var client = LoopbackApiServer.unreachableClient()) {
            var writer = new ClusterWriter(client, new IdentityLookup(client, "alice"));

            var refused = assertInstanceOf(Refused.class,
                    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> writer.create(ExemptionYaml.allowDebug("delta", "a"))));

            assertEquals(new Refused(Refused.Kind.UNREACHABLE,
                    "Cannot reach the API server (connection refused); nothing was written.", Refused.NO_ANSWER), refused);
        }
    }

    @Test
    void deleteSendsUidAndVersionAsPreconditions() {
        var writer = writer(LoopbackApiServer.expectations());
        api.server.expect().get().withPath(objectPath("delta", "allow-debug")).andReturn(200, seen()).once();
        api.server.expect().delete().withPath(objectPath("delta", "allow-debug")).andReturn(200, seen()).once();

        assertEquals(new Deleted("u-1"), writer.delete(seen()));

        var requests = api.takeRequests();
        assertEquals(List.of("GET " + objectPath("delta", "allow-debug"), "DELETE " + objectPath("delta", "allow-debug")),
                requests.stream().map(LoopbackApiServer.Received::line).toList());
        var options = ExemptionYaml.read(requests.get(1).body());
        assertEquals(Map.of("resourceVersion", "7", "uid", "u-1"), options.get("preconditions"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPreconditionFailureOnDeleteIsAConflictWithTheCurrentObject() {
        var writer = writer(LoopbackApiServer.expectations());
        var changed = seen();
        ObjectMaps.metadata(changed).put("resourceVersion", "8");
        ((Map<String, Object>) ObjectMaps.metadata(changed).get("labels")).put("team", "platform");
        api.server.expect().get().withPath(objectPath("delta", "allow-debug")).andReturn(200, seen()).once();
        api.server.expect().delete().withPath(objectPath("delta", "allow-debug")).andReturn(409, ApiStatus.of(409, "Conflict",
                "Operation cannot be fulfilled on policyexceptions.kyverno.io \"allow-debug\": Precondition failed")).once();
        api.server.expect().get().withPath(objectPath("delta", "allow-debug")).andReturn(200, changed).once();

        var conflict = assertInstanceOf(Conflict.class, writer.delete(seen()));

        assertEquals("8", conflict.currentResourceVersion());
        assertEquals("PolicyException delta/allow-debug was changed in the cluster since you read it (version 7): "
                + "metadata.labels.team changed.", conflict.summary());
    }

    @Test
    void deleteOfAnObjectAlreadyGoneIsReportedAsSuch() {
        var writer = writer(LoopbackApiServer.expectations());
        api.server.expect().get().withPath(objectPath("delta", "allow-debug")).andReturn(200, seen()).once();
        api.server.expect().delete().withPath(objectPath("delta", "allow-debug"))
                .andReturn(404, ApiStatus.of(404, "NotFound", "not found")).once();

        assertEquals(new AlreadyGone("delta", "allow-debug"), writer.delete(seen()));
        assertTrue(api.takeRequestLines().contains("DELETE " + objectPath("delta", "allow-debug")));
    }
}
