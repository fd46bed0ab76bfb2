package dev.waiver.app.cluster;

import static dev.waiver.app.cluster.LoopbackApiServer.TOKEN;
import static dev.waiver.app.cluster.LoopbackApiServer.collectionPath;
import static dev.waiver.app.cluster.LoopbackApiServer.objectPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// Expired credentials, and the rule that no credential ever reaches a message.
class ClusterWriterCredentialsTest {

    private static final String COLLECTION = collectionPath("delta");
    private static final String OBJECT = objectPath("delta", "allow-debug");

    private LoopbackApiServer api;
    private ClusterWriter writer;

    @BeforeEach
    void start() {
        api = LoopbackApiServer.expectations();
        writer = new ClusterWriter(api.client, new IdentityLookup(api.client, LoopbackApiServer.KUBECONFIG_USER));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aTokenRejectedOnceIsRefreshedAndTheWriteGoesThrough() {
        api.server.expect().post().withPath(COLLECTION).andReturn(401, ApiStatus.of(401, "Unauthorized", "Unauthorized")).once();
        var stored = ClusterWriterFailureTest.seen();
        api.server.expect().post().withPath(COLLECTION).andReturn(201, stored).once();

        var outcome = writer.create(ExemptionYaml.allowDebug("delta", "allow-debug"));

        var written = assertInstanceOf(Written.class, outcome, outcome::toString);

        assertEquals("7", written.resourceVersion());
        var requests = api.takeRequests();
        assertEquals(List.of("POST " + COLLECTION, "POST " + COLLECTION),
                requests.stream().map(LoopbackApiServer.Received::line).toList(), "fabric8 retries once, after re-reading the kubeconfig");
        assertEquals("Bearer " + TOKEN, requests.get(1).authorization());
    }

    @Test
    void aTokenRejectedTwiceAsksTheUserToLogInAgainWithoutAThirdTry() {
        api.server.expect().post().withPath(COLLECTION).andReturn(401, ApiStatus.of(401, "Unauthorized", "Unauthorized")).always();

        var refused = assertInstanceOf(Refused.class, writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));

        assertEquals(new Refused(Refused.Kind.CREDENTIALS, "The credentials for this cluster expired or were rejected; "
                + "log in again (e.g. run your exec plugin or `kubectl` login) and retry. Nothing was written.", 401), refused);
        assertEquals(2, api.takeRequests().size());
    }

    @Test
    void theTokenAppearsInNoOutcomeOfAnyFailure() {
        var outcomes = new ArrayList<Object>();
        String echo = "request had Authorization: Bearer " + TOKEN + " and token " + TOKEN;

        api.server.expect().post().withPath(COLLECTION).andReturn(401, ApiStatus.of(401, "Unauthorized", echo)).times(2);
        outcomes.add(writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));
        api.server.expect().post().withPath(COLLECTION).andReturn(422, ApiStatus.of(422, "Invalid", echo)).once();
        outcomes.add(writer.create(ExemptionYaml.allowDebug("delta", "allow-debug")));
        api.server.expect().put().withPath(OBJECT).andReturn(422, new StatusBuilder().withCode(422).withMessage("invalid")
                .withNewDetails().addNewCause().withField("spec").withMessage(echo).endCause().endDetails().build()).once();
        outcomes.add(writer.update(ClusterWriterFailureTest.seen(), ClusterWriterFailureTest.seen()));
        api.server.expect().put().withPath(OBJECT).andReturn(403, ApiStatus.of(403, "Forbidden", echo)).once();
        api.server.expect().post().withPath("/apis/authentication.k8s.io/v1/selfsubjectreviews")
                .andReturn(500, ApiStatus.of(500, "InternalError", echo)).once();
        outcomes.add(writer.update(ClusterWriterFailureTest.seen(), ClusterWriterFailureTest.seen()));
        api.server.expect().put().withPath(OBJECT).andReturn(404, ApiStatus.of(404, "NotFound", echo)).once();
        outcomes.add(writer.update(ClusterWriterFailureTest.seen(), ClusterWriterFailureTest.seen()));
        api.server.expect().put().withPath(OBJECT).andReturn(500, ApiStatus.of(500, "InternalError", echo)).once();
        outcomes.add(writer.update(ClusterWriterFailureTest.seen(), ClusterWriterFailureTest.seen()));
        api.server.expect().get().withPath(OBJECT).andReturn(403, ApiStatus.of(403, "Forbidden", echo)).once();
        outcomes.add(writer.delete(ClusterWriterFailureTest.seen()));
        try (var slow = LoopbackApiServer.expectations(300)) {
            slow.server.expect().put().delay(20, TimeUnit.SECONDS).withPath(OBJECT).andReturn(200, Map.of()).once();
            outcomes.add(new ClusterWriter(slow.client, new IdentityLookup(slow.client, "alice"))
                    .update(ClusterWriterFailureTest.seen(), ClusterWriterFailureTest.seen()));
        }
        try (var unreachable = LoopbackApiServer.unreachableClient()) {
            outcomes.add(new ClusterWriter(unreachable, new IdentityLookup(unreachable, "alice")).create(
                    ExemptionYaml.allowDebug("delta", "allow-debug")));
            outcomes.add(new AccessReview(unreachable, Clock.systemUTC()).check("delta", WriteVerb.CREATE));
            outcomes.add(new IdentityLookup(unreachable, "alice").current());
        }
        var reviews = new AccessReview(api.client, Clock.systemUTC());
        api.server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReturn(401, ApiStatus.of(401, "Unauthorized", echo)).times(2);
        outcomes.add(reviews.check("delta", WriteVerb.UPDATE));
        api.server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReturn(201, Map.of("status", Map.of("allowed", false, "reason", echo))).once();
        outcomes.add(reviews.check("delta", WriteVerb.DELETE));
        api.server.expect().post().withPath("/apis/authentication.k8s.io/v1/selfsubjectreviews")
                .andReturn(401, ApiStatus.of(401, "Unauthorized", echo)).times(2);
        outcomes.add(new IdentityLookup(api.client, "alice").current());

        assertEquals(14, outcomes.size());
        for (Object outcome : outcomes) {
            String text = outcome.toString();
            assertFalse(text.contains(TOKEN) || text.contains("WaiverTestToken"), text);
        }
        assertEquals(List.of(Refused.Kind.CREDENTIALS, Refused.Kind.INVALID, Refused.Kind.INVALID, Refused.Kind.FORBIDDEN,
                        Refused.Kind.NOT_FOUND, Refused.Kind.SERVER, Refused.Kind.FORBIDDEN, Refused.Kind.TIMEOUT,
                        Refused.Kind.UNREACHABLE),
                outcomes.stream().filter(Refused.class::isInstance).map(o -> ((Refused) o).kind()).toList());
    }
}
