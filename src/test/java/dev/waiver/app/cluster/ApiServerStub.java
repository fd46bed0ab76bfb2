package dev.waiver.app.cluster;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/// fabric8's mock in expectations mode, answering exactly what a strict API server would for the
/// requests Waiver makes: discovery, pages with continue tokens, watches, access reviews, and error
/// `Status` bodies. Anything not stubbed gets a 404.
public final class ApiServerStub implements AutoCloseable {

    static final String EXCEPTIONS = "/apis/kyverno.io/v2/policyexceptions";

    final KubernetesMockServer server = new KubernetesMockServer(false);

    public ApiServerStub() {
        TestCluster.fast(); // loads TestCluster, which quiets the mock's logging
        server.init();
    }

    public String url() {
        return server.url("/");
    }

    /// Kyverno's discovery documents, and empty lists of policies and namespaces with their versions.
    ApiServerStub kyverno() {
        server.expect().get().withPath("/apis/kyverno.io/v2").andReturn(200, new APIResourceListBuilder()
                .withGroupVersion("kyverno.io/v2").withResources(new APIResourceBuilder().withName("policyexceptions")
                        .withKind("PolicyException").withNamespaced(true).build()).build()).always();
        server.expect().get().withPath("/apis/kyverno.io/v1").andReturn(200, new APIResourceListBuilder()
                .withGroupVersion("kyverno.io/v1").withResources(
                        new APIResourceBuilder().withName("clusterpolicies").withKind("ClusterPolicy").withNamespaced(false).build(),
                        new APIResourceBuilder().withName("policies").withKind("Policy").withNamespaced(true).build()).build())
                .always();
        server.expect().get().withPath("/apis/kyverno.io/v1/clusterpolicies?limit=500").andReturn(200, page(List.of(), "10", null)).always();
        server.expect().get().withPath("/apis/kyverno.io/v1/policies?limit=500").andReturn(200, page(List.of(), "10", null)).always();
        server.expect().get().withPath("/api/v1/namespaces?limit=500").andReturn(200, page(List.of(), "10", null)).always();
        return this;
    }

    /// Watches of policies that open and then stay quiet.
    ApiServerStub quietPolicyWatches() {
        for (String kind : List.of("clusterpolicies", "policies")) {
            quietWatch("/apis/kyverno.io/v1/" + kind + "?allowWatchBookmarks=true&resourceVersion=10&watch=true");
        }
        return this;
    }

    /// A watch that opens and sends nothing for a few seconds (longer than a test needs it) (a mock websocket with nothing to send closes at once).
    void quietWatch(String path) {
        server.expect().get().withPath(path).andUpgradeToWebSocket().open().waitFor(3_000)
                .andEmit(new WatchEvent(null, "BOOKMARK")).done().always();
    }

    void expectList(String query, List<GenericKubernetesResource> items, String resourceVersion, String next) {
        server.expect().get().withPath(EXCEPTIONS + "?" + query).andReturn(200, page(items, resourceVersion, next)).once();
    }

    void expectStatus(String path, int code, String reason, String message) {
        server.expect().get().withPath(path).andReturn(code, status(code, reason, message)).always();
    }

    /// Creating PolicyExceptions in `namespace` answers `code` with a `Status` body (403: RBAC says no).
    public void refuseCreates(String namespace, int code, String reason, String message) {
        server.expect().post().withPath("/apis/kyverno.io/v2/namespaces/" + namespace + "/policyexceptions")
                .andReturn(code, status(code, reason, message)).always();
    }

    /// Creating PolicyExceptions in `namespace` succeeds; the server answers with `stored`.
    public void acceptCreates(String namespace, Map<String, Object> stored) {
        server.expect().post().withPath("/apis/kyverno.io/v2/namespaces/" + namespace + "/policyexceptions")
                .andReturn(201, stored).always();
    }

    /// SelfSubjectReview (`kubectl auth whoami`) names the user `username`.
    public void answerWhoAmI(String username) {
        server.expect().post().withPath("/apis/authentication.k8s.io/v1/selfsubjectreviews")
                .andReturn(201, Map.of("apiVersion", "authentication.k8s.io/v1", "kind", "SelfSubjectReview",
                        "status", Map.of("userInfo", Map.of("username", username, "groups", List.of("system:authenticated")))))
                .always();
    }

    /// Every SelfSubjectAccessReview is answered "not allowed", for `reason`.
    public void denyAccessReviews(String reason) {
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReturn(201, Map.of("apiVersion", "authorization.k8s.io/v1", "kind", "SelfSubjectAccessReview",
                        "status", Map.of("allowed", false, "reason", reason))).always();
    }

    /// Every request path the server saw, in order.
    public List<String> paths() throws InterruptedException {
        var paths = new ArrayList<String>();
        for (var r = server.takeRequest(10, TimeUnit.MILLISECONDS); r != null; r = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
            paths.add(r.getPath());
        }
        return paths;
    }

    ClusterConnector connector(Path dir, ClientSettings settings) {
        return new ClusterConnector(Kubeconfigs.load(List.of(TestCluster.kubeconfig(dir, Map.of("stub", url())))), settings);
    }

    static Status status(int code, String reason, String message) {
        return new StatusBuilder().withApiVersion("v1").withKind("Status").withStatus("Failure").withCode(code)
                .withReason(reason).withMessage(message).build();
    }

    static GenericKubernetesResourceList page(List<GenericKubernetesResource> items, String resourceVersion, String next) {
        var list = new GenericKubernetesResourceList();
        list.setApiVersion("kyverno.io/v2");
        list.setKind("PolicyExceptionList");
        list.setItems(items);
        list.setMetadata(new ListMetaBuilder().withResourceVersion(resourceVersion).withContinue(next).build());
        return list;
    }

    static List<GenericKubernetesResource> exceptions(int from, int count) {
        var items = new ArrayList<GenericKubernetesResource>();
        for (int i = from; i < from + count; i++) {
            items.add(exception("team-" + (i % 7), "pe-" + i, String.valueOf(1000 + i)));
        }
        return items;
    }

    static GenericKubernetesResource exception(String namespace, String name, String resourceVersion) {
        return new GenericKubernetesResourceBuilder().withApiVersion("kyverno.io/v2").withKind("PolicyException")
                .withNewMetadata().withNamespace(namespace).withName(name).withResourceVersion(resourceVersion).endMetadata()
                .addToAdditionalProperties("spec", Map.of("exceptions",
                        List.of(Map.of("policyName", "disallow-privileged", "ruleNames", List.of("privileged-containers")))))
                .build();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
