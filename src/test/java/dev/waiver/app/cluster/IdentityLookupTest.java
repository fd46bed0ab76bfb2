package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.waiver.app.cluster.ClusterIdentity.Origin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdentityLookupTest {

    private static final String V1 = "/apis/authentication.k8s.io/v1/selfsubjectreviews";
    private static final String V1BETA1 = "/apis/authentication.k8s.io/v1beta1/selfsubjectreviews";

    private LoopbackApiServer api;

    @AfterEach
    void stop() {
        api.close();
    }

    private IdentityLookup lookup(LoopbackApiServer server) {
        api = server;
        return new IdentityLookup(api.client, LoopbackApiServer.KUBECONFIG_USER);
    }

    private static Map<String, Object> review(String version, String username, List<String> groups) {
        return Map.of("apiVersion", "authentication.k8s.io/" + version, "kind", "SelfSubjectReview",
                "status", Map.of("userInfo", Map.of("username", username, "groups", groups,
                        "extra", Map.of("authentication.kubernetes.io/credential-id", List.of("JTI=0f7e")))));
    }

    @Test
    void theServersAnswerNamesTheUserAndGroups() {
        var lookup = lookup(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(V1)
                .andReturn(201, review("v1", "alice@example.com", List.of("platform", "system:authenticated"))).once();

        assertEquals(new ClusterIdentity("alice@example.com", List.of("platform", "system:authenticated"), Origin.SERVER),
                lookup.current());
        assertEquals(lookup.current(), lookup.current());
        assertEquals(1, api.takeRequests().size(), "the answer is kept");
    }

    @Test
    void olderServersAreAskedThroughV1beta1() {
        var lookup = lookup(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(V1BETA1).andReturn(201, review("v1beta1", "bob", List.of())).once();

        assertEquals(new ClusterIdentity("bob", List.of(), Origin.SERVER), lookup.current());
        assertEquals(List.of("POST " + V1, "POST " + V1BETA1), api.takeRequestLines());
    }

    @Test
    void withoutSelfSubjectReviewTheKubeconfigUserNameIsUsed() {
        var lookup = lookup(LoopbackApiServer.expectations());

        var fallback = new ClusterIdentity(LoopbackApiServer.KUBECONFIG_USER, List.of(), Origin.KUBECONFIG);
        assertEquals(fallback, lookup.current());
        assertEquals(fallback, lookup.current());
        assertEquals(2, api.takeRequests().size(), "a lasting 404 is not asked again");
    }

    @Test
    void aRefusalFallsBackToTheKubeconfigUserName() {
        var lookup = lookup(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(V1).andReturn(403, ApiStatus.of(403, "Forbidden", "forbidden")).once();

        assertEquals(Origin.KUBECONFIG, lookup.current().origin());
        assertEquals(LoopbackApiServer.KUBECONFIG_USER, lookup.current().username());
    }

    @Test
    void theCrudMockDoesNotAnswerSoTheKubeconfigUserNameIsUsed() {
        var lookup = lookup(LoopbackApiServer.crud());

        assertEquals(new ClusterIdentity(LoopbackApiServer.KUBECONFIG_USER, List.of(), Origin.KUBECONFIG), lookup.current());
    }

    @Test
    void aPassingFailureIsAskedAgain() {
        var lookup = lookup(LoopbackApiServer.expectations());
        api.server.expect().post().withPath(V1).andReturn(503, ApiStatus.of(503, "ServiceUnavailable", "busy")).once();
        api.server.expect().post().withPath(V1).andReturn(201, review("v1", "alice@example.com", List.of())).once();

        assertEquals(Origin.KUBECONFIG, lookup.current().origin());
        assertEquals(new ClusterIdentity("alice@example.com", List.of(), Origin.SERVER), lookup.current());
    }
}
