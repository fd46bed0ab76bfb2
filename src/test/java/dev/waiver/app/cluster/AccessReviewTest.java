package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.cluster.AccessDecision.Allowed;
import dev.waiver.app.cluster.AccessDecision.Denied;
import dev.waiver.app.cluster.AccessDecision.Unknown;
import dev.waiver.engine.tree.Trees;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessReviewTest {

    private static final String REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    private LoopbackApiServer api;

    @AfterEach
    void stop() {
        api.close();
    }

    private AccessReview reviews(LoopbackApiServer server) {
        api = server;
        return new AccessReview(api.client, clock);
    }

    private static Map<String, Object> answer(boolean allowed, String reason) {
        return Map.of("apiVersion", "authorization.k8s.io/v1", "kind", "SelfSubjectAccessReview",
                "status", reason == null ? Map.of("allowed", allowed) : Map.of("allowed", allowed, "reason", reason));
    }

    @Test
    void allowedAsksAboutPolicyExceptionsOfKyvernoInTheNamespace() {
        var reviews = reviews(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(REVIEWS).andReturn(201, answer(true, "RBAC: allowed by RoleBinding")).once();

        assertEquals(new Allowed(), reviews.check("delta", WriteVerb.UPDATE));

        var asked = ExemptionYaml.read(api.takeRequests().getFirst().body());
        assertEquals(Map.of("group", "kyverno.io", "resource", "policyexceptions", "verb", "update", "namespace", "delta"),
                Trees.map(asked, "spec", "resourceAttributes"));
    }

    @Test
    void deniedCarriesTheServersReason() {
        var reviews = reviews(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(REVIEWS).andReturn(201, answer(false, "no RBAC policy matched")).once();
        api.server.expect().post().withPath(REVIEWS).andReturn(201, answer(false, null)).once();

        assertEquals(new Denied("RBAC does not allow delete on policyexceptions.kyverno.io in namespace delta: "
                + "no RBAC policy matched."), reviews.check("delta", WriteVerb.DELETE));
        assertEquals(new Denied("RBAC does not allow create on policyexceptions.kyverno.io in namespace delta."),
                reviews.check("delta", WriteVerb.CREATE));
    }

    @Test
    void aServerThatDoesNotEvaluateReviewsGivesUnknown() {
        var reviews = reviews(LoopbackApiServer.crud());

        assertEquals(new Unknown("Cannot tell: the cluster does not answer access reviews (HTTP 422)."),
                reviews.check("delta", WriteVerb.CREATE));
    }

    @Test
    void expiredCredentialsGiveUnknownAndSaySo() {
        var reviews = reviews(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(REVIEWS).andReturn(401, ApiStatus.of(401, "Unauthorized", "Unauthorized")).always();

        var unknown = assertInstanceOf(Unknown.class, reviews.check("delta", WriteVerb.UPDATE));
        assertTrue(unknown.reason().contains("log in again"), unknown.reason());
    }

    @Test
    void answersAreKeptPerNamespaceAndVerbForAShortTime() {
        var reviews = reviews(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(REVIEWS).andReturn(201, answer(true, null)).always();

        reviews.check("delta", WriteVerb.UPDATE);
        clock.advance(Duration.ofSeconds(29));
        reviews.check("delta", WriteVerb.UPDATE);
        assertEquals(1, api.takeRequests().size(), "kept for 30 s");

        reviews.check("delta", WriteVerb.DELETE);
        reviews.check("gamma", WriteVerb.UPDATE);
        assertEquals(2, api.takeRequests().size(), "another verb or namespace is another question");

        clock.advance(Duration.ofSeconds(1));
        reviews.check("delta", WriteVerb.UPDATE);
        assertEquals(1, api.takeRequests().size(), "asked again once 30 s have passed");

        reviews.forget();
        reviews.check("delta", WriteVerb.UPDATE);
        assertEquals(1, api.takeRequests().size(), "asked again after forget()");
    }

    @Test
    void cannotTellIsNotKept() {
        var reviews = reviews(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(REVIEWS).andReturn(500, ApiStatus.of(500, "InternalError", "webhook down")).once();
        api.server.expect().post().withPath(REVIEWS).andReturn(201, answer(true, null)).once();

        assertEquals(new Unknown("Cannot tell: the access review failed (HTTP 500)."), reviews.check("delta", WriteVerb.UPDATE));
        assertEquals(new Allowed(), reviews.check("delta", WriteVerb.UPDATE));
        assertEquals(List.of("POST " + REVIEWS, "POST " + REVIEWS), api.takeRequestLines());
    }

    /// A clock the test moves by hand.
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
