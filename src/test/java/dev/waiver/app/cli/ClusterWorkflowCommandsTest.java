package dev.waiver.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.cluster.ApiServerStub;
import dev.waiver.app.cluster.ExceptionNamespaces;
import dev.waiver.app.cluster.TestCluster;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.ChainVerdict;
import dev.waiver.engine.tree.Trees;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/// The workflow from the command line against a cluster context: request and approve locally, then
/// `apply --context` writes the PolicyException into the context's exceptions namespace (the CRUD mock API
/// server over loopback, through a generated kubeconfig), `renew` and `revoke` update it there, `remove`
/// deletes it. A context that is not there, a server that does not answer, a 403 and an RBAC "no" each
/// give one line, exit 2, and leave no apply in the audit log.
class ClusterWorkflowCommandsTest {

    static final String DAY0 = "2026-11-23T12:00:00Z";
    static final String DAY5 = "2026-11-28T12:00:00Z";

    @TempDir
    Path dir;

    private Path home;
    private TestCluster prod;
    private TestCluster.Connection connection;
    private final List<CliRun> runs = new ArrayList<>();

    @BeforeEach
    void start() {
        home = dir.resolve("home");
        prod = TestCluster.start();
        connection = prod.connect(dir, "prod");
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        if (prod != null) {
            prod.close();
        }
    }

    private CliRun waiver(Path kubeconfig, String now, String... args) {
        var all = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString(), "--home", home.toString(), "--now", now));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private CliRun waiver(String now, String... args) {
        return waiver(connection.kubeconfig(), now, args);
    }

    /// A request made by dana and approved by sam; its id.
    private String approvedRequest() {
        var request = waiver(DAY0, "request", "--policy", "require-image-signature", "--rule", "check-image-signature",
                "--namespace", "payments", "--name", "vendor-*", "--reason", "vendor image unsigned, risk assessed",
                "--ticket", "SEC-12", "--days", "10", "--as", "dana");
        assertThat(request.code()).as(request.toString()).isZero();
        String id = request.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        var approve = waiver(DAY0, "approve", id, "--as", "sam", "--comment", "ticket checked");
        assertThat(approve.code()).as(approve.toString()).isZero();
        return id;
    }

    private List<AuditRecord> audit() {
        try (var log = SqliteAuditLog.openExisting(home).orElseThrow()) {
            return log.entries().stream().map(e -> e.record()).toList();
        }
    }

    private Map<String, Object> held(String id) {
        var found = prod.exceptionsHeld().stream()
                .filter(o -> id.equals(Trees.string(o, "metadata", "annotations", "waiver.dev/request-id").orElse(null)))
                .toList();
        assertThat(found).as("the PolicyException of %s in %s", id, prod.namespace()).hasSize(1);
        return found.getFirst();
    }

    private static String condition(String end) {
        return "{{ time_before('{{ time_now_utc() }}', '" + end + "') }}";
    }

    /// The user's choice of exceptions namespace for the context: the test cluster's namespace (requests
    /// match Pods in `payments`, a namespace the cluster does not have).
    private void chooseExceptionNamespace() throws IOException {
        Files.createDirectories(home);
        Files.writeString(home.resolve("settings.properties"),
                ExceptionNamespaces.settingKey(connection.context()) + "=" + prod.namespace() + "\n");
    }

    @Test
    void applyRenewRevokeAndRemoveOnAContext() throws Exception {
        String context = connection.context();
        chooseExceptionNamespace();
        String id = approvedRequest();

        var apply = waiver(DAY0, "apply", id, "--context", context, "--as", "ops");
        assertThat(apply.code()).as(apply.toString()).isZero();
        assertThat(apply.out()).startsWith("applied " + id + " to context:" + context + " (resourceVersion ");

        var object = held(id);
        assertThat(Trees.string(object, "metadata", "namespace")).contains(prod.namespace());
        assertThat(Trees.stringMap(object, "metadata", "annotations"))
                .containsEntry("waiver.dev/requestor", "dana")
                .containsEntry("waiver.dev/ticket", "SEC-12")
                .containsEntry("waiver.dev/reason", "vendor image unsigned, risk assessed")
                .containsEntry("waiver.dev/approved-by", "sam")
                .containsEntry("waiver.dev/expires", "2026-12-03T12:00:00Z")
                .containsEntry("waiver.dev/request-id", id);
        assertThat(Trees.list(object, "spec", "conditions", "all")).contains(
                Map.of("key", condition("2026-12-03T12:00:00Z"), "operator", "Equals", "value", true));
        assertThat(Trees.strings(Trees.maps(object, "spec", "match", "any").getFirst(), "resources", "namespaces"))
                .containsExactly("payments");

        var applied = audit().getLast();
        assertThat(applied.action()).isEqualTo(AuditAction.APPLY);
        assertThat(applied.actor()).isEqualTo("ops");
        assertThat(applied.context()).isEqualTo("context:" + context);
        String version = Trees.string(object, "metadata", "resourceVersion").orElseThrow();
        assertThat(applied.comment()).startsWith("resourceVersion=" + version + "; cluster identity: ");
        if (!TestCluster.real()) {
            // The mock does not answer SelfSubjectReview: the kubeconfig's user name stands in, and says so.
            assertThat(applied.comment()).isEqualTo("resourceVersion=" + version + "; cluster identity: prod-user "
                    + "(the kubeconfig's user name; the server did not say)");
        }

        var listed = waiver(DAY0, "exceptions", "list", "--context", context, "-o", "json");
        assertThat(listed.code()).as(listed.toString()).isZero();
        List<Map<String, Object>> rows = JsonMapper.builder().build().readValue(listed.out(), List.class);
        var row = rows.stream().filter(r -> Trees.string(object, "metadata", "name").orElseThrow().equals(r.get("name")))
                .toList();
        assertThat(row).as(listed.out()).hasSize(1);
        assertThat(row.getFirst()).containsEntry("status", "Active").containsEntry("source", "context " + context)
                .containsEntry("namespace", prod.namespace());

        var renew = waiver(DAY5, "renew", id, "--days", "20", "--reason", "fix slipped a sprint", "--as", "sam");
        assertThat(renew.code()).as(renew.toString()).isZero();
        var renewed = held(id);
        assertThat(Trees.stringMap(renewed, "metadata", "annotations"))
                .containsEntry("waiver.dev/renewals", "1")
                .containsEntry("waiver.dev/expires", "2026-12-18T12:00:00Z")
                .containsEntry("waiver.dev/reason", "fix slipped a sprint");
        assertThat(Trees.list(renewed, "spec", "conditions", "all")).contains(
                Map.of("key", condition("2026-12-18T12:00:00Z"), "operator", "Equals", "value", true));

        var revoke = waiver(DAY5, "revoke", id, "--comment", "fixed upstream", "--as", "sam");
        assertThat(revoke.code()).as(revoke.toString()).isZero();
        assertThat(Trees.stringMap(held(id), "metadata", "annotations")).containsEntry("waiver.dev/revoked-by", "sam");

        var remove = waiver(DAY5, "remove", id, "--as", "ops");
        assertThat(remove.code()).as(remove.toString()).isZero();
        assertThat(prod.exceptionsHeld()).noneMatch(o -> id.equals(
                Trees.string(o, "metadata", "annotations", "waiver.dev/request-id").orElse(null)));

        assertThat(audit().stream().map(AuditRecord::action)).containsExactly(AuditAction.REQUEST, AuditAction.APPROVE,
                AuditAction.APPLY, AuditAction.RENEW, AuditAction.APPLY, AuditAction.REVOKE, AuditAction.APPLY,
                AuditAction.REMOVE);
        assertThat(audit().getLast().comment()).startsWith("cluster identity: ");
        var verify = waiver(DAY5, "audit", "verify");
        assertThat(verify.code()).as(verify.toString()).isZero();
        assertNoToken();
    }

    @Test
    void withoutASettingKyvernosExceptionNamespaceFlagPlacesTheObject() {
        assumeFalse(TestCluster.real(), "runs a Kyverno Deployment of its own");
        prod.admin().apps().deployments().inNamespace("kyverno").resource(new DeploymentBuilder()
                .withNewMetadata().withName("kyverno-admission-controller").endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("kyverno")
                .withArgs("--v=2", "--exceptionNamespace=" + prod.namespace()).endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        String id = approvedRequest();

        var apply = waiver(DAY0, "apply", id, "--context", connection.context(), "--as", "ops");

        assertThat(apply.code()).as(apply.toString()).isZero();
        assertThat(Trees.string(held(id), "metadata", "namespace")).contains(prod.namespace());
    }

    @Test
    void theAuditEntryNamesTheIdentityTheServerGivesBesideTheActor() throws Exception {
        assumeFalse(TestCluster.real(), "scripts the server's answers");
        try (var stub = new ApiServerStub()) {
            stub.acceptCreates("payments", Map.of("apiVersion", "kyverno.io/v2", "kind", "PolicyException",
                    "metadata", Map.of("name", "require-image-signature-payments", "namespace", "payments",
                            "resourceVersion", "42", "uid", "u-42")));
            stub.answerWhoAmI("alice@example.com");
            Path kubeconfig = TestCluster.kubeconfig(Files.createDirectories(dir.resolve("stub")), Map.of("stub", stub.url()));
            String id = approvedRequest();

            var apply = waiver(kubeconfig, DAY0, "apply", id, "--context", "stub", "--as", "ops");

            assertThat(apply.code()).as(apply.toString()).isZero();
            var applied = audit().getLast();
            assertThat(applied.action()).isEqualTo(AuditAction.APPLY);
            assertThat(applied.actor()).isEqualTo("ops");
            assertThat(applied.comment()).isEqualTo("resourceVersion=42; cluster identity: alice@example.com");
        }
    }

    @Test
    void aContextTheKubeconfigLacksIsOneLineAndRecordsNothing() throws IOException {
        String id = approvedRequest();
        int before = audit().size();

        var apply = waiver(DAY0, "apply", id, "--context", "qa", "--as", "ops");

        assertThat(apply.code()).as(apply.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(apply.out()).isEmpty();
        assertThat(apply.err().lines().toList()).containsExactly(id + " not written to context:qa: no context 'qa' in "
                + "the kubeconfig (it has " + connection.context() + ")");
        assertThat(audit()).hasSize(before);
        assertNoToken();
    }

    @Test
    void anUnreachableServerIsOneLineAndRecordsNothing() throws IOException {
        assumeFalse(TestCluster.real(), "needs a server address nothing listens on");
        String dead;
        try (var socket = new ServerSocket(0)) {
            dead = "http://127.0.0.1:" + socket.getLocalPort(); // closed again: nothing listens there
        }
        Path kubeconfig = TestCluster.kubeconfig(Files.createDirectories(dir.resolve("dead")), Map.of("dead", dead));
        String id = approvedRequest();
        int before = audit().size();

        var apply = waiver(kubeconfig, DAY0, "apply", id, "--context", "dead", "--as", "ops");

        assertThat(apply.code()).as(apply.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(apply.err().lines().toList()).containsExactly(id + " not written to context:dead: Cannot reach the "
                + "API server (connection refused); nothing was written.");
        assertThat(audit()).hasSize(before);
        assertNoToken();
    }

    @Test
    void aForbiddenCreateIsOneLineAndRecordsNothing() throws Exception {
        assumeFalse(TestCluster.real(), "scripts the server's answers");
        try (var stub = new ApiServerStub()) {
            stub.refuseCreates("payments", 403, "Forbidden", "policyexceptions.kyverno.io is forbidden: User "
                    + "\"stub-user\" cannot create resource \"policyexceptions\" in API group \"kyverno.io\"");
            Path kubeconfig = TestCluster.kubeconfig(Files.createDirectories(dir.resolve("stub")), Map.of("stub", stub.url()));
            String id = approvedRequest();
            int before = audit().size();

            var apply = waiver(kubeconfig, DAY0, "apply", id, "--context", "stub", "--as", "ops");

            assertThat(apply.code()).as(apply.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(apply.err().lines().toList()).containsExactly(id + " not written to context:stub: Not allowed to "
                    + "create policyexceptions.kyverno.io in namespace payments as stub-user; nothing was written.");
            assertThat(audit()).hasSize(before);
        }
        assertNoToken();
    }

    @Test
    void anRbacNoStopsTheStepBeforeAnythingIsRecorded() throws Exception {
        assumeFalse(TestCluster.real(), "scripts the server's answers");
        chooseExceptionNamespace();
        String id = approvedRequest();
        var apply = waiver(DAY0, "apply", id, "--context", "prod", "--as", "ops");
        assertThat(apply.code()).as(apply.toString()).isZero();
        String otherId = approvedRequest();
        try (var stub = new ApiServerStub()) {
            stub.denyAccessReviews("no RBAC policy matched");
            // The same context name, now served by a cluster whose RBAC says no.
            var servers = new LinkedHashMap<String, String>();
            servers.put("prod", stub.url());
            Path kubeconfig = TestCluster.kubeconfig(Files.createDirectories(dir.resolve("denied")), servers);
            int before = audit().size();

            var renew = waiver(kubeconfig, DAY5, "renew", id, "--days", "20", "--reason", "fix slipped", "--as", "sam");
            var applyOther = waiver(kubeconfig, DAY0, "apply", otherId, "--context", "prod", "--as", "ops");

            assertThat(renew.code()).as(renew.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(renew.err().lines().toList()).containsExactly(id + " not renewed: RBAC does not allow update on "
                    + "policyexceptions.kyverno.io in namespace " + prod.namespace() + ": no RBAC policy matched. (nothing was recorded)");
            assertThat(applyOther.code()).as(applyOther.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(applyOther.err().lines().toList()).containsExactly(otherId + " not written to context:prod: RBAC "
                    + "does not allow create on policyexceptions.kyverno.io in namespace " + prod.namespace()
                    + ": no RBAC policy matched.");
            assertThat(audit()).hasSize(before);
            assertThat(stub.paths()).noneMatch(p -> p.contains("/policyexceptions"));
        }
        assertNoToken();
    }

    /// The kubeconfig's token is in no output and no file of the data folder.
    private void assertNoToken() throws IOException {
        for (CliRun run : runs) {
            assertThat(run.toString()).doesNotContain(TestCluster.TOKEN);
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(TestCluster.TOKEN);
            }
        }
    }
}
