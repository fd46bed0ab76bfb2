package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.Source;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Reading a cluster into a register, over real HTTP: what comes back is what a folder of the same
/// YAML would give.
class ClusterReaderTest {

    @TempDir
    Path dir;

    private TestCluster cluster;

    @BeforeEach
    void start() {
        cluster = TestCluster.start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void readsExceptionsAndPoliciesIntoARegister() {
        String policy = cluster.createClusterPolicy("disallow-privileged", "Pod Security Standards (Baseline)");
        cluster.createException("debug-agent", policy, "check");
        cluster.createException("legacy-batch", "unknown-policy", "*");
        try (var connection = cluster.connect(dir, "prod")) {
            var progress = new ArrayList<ReadProgress>();
            ClusterRead read = connection.reader().read(ReadScope.register(), progress::add);

            assertEquals(java.util.Optional.of("kyverno.io/v2"), read.exceptionApiVersion());
            Workspace workspace = ClusterWorkspaces.live(read);
            assertEquals(connection.context(), workspace.title());
            assertEquals(Source.context(connection.context()), workspace.source());
            List<Exemption> ours = workspace.exemptions().stream()
                    .filter(e -> e.namespace().equals(cluster.namespace())).toList();
            assertEquals(List.of("debug-agent", "legacy-batch"), ours.stream().map(Exemption::name).sorted().toList());
            Exemption debug = ours.stream().filter(e -> e.name().equals("debug-agent")).findFirst().orElseThrow();
            assertEquals(connection.context() + ":" + cluster.namespace() + "/debug-agent", debug.id());
            assertEquals(java.util.Optional.of("ana@example.com"), debug.justification().requestor());
            assertEquals(java.util.Optional.of(connection.context() + ": PolicyException " + cluster.namespace() + "/debug-agent"),
                    debug.origin());
            assertFalse(((Map<?, ?>) debug.document().thaw().get("metadata")).containsKey("managedFields"), "managedFields are dropped");

            Register register = Register.assess(workspace.exemptions(), workspace.policies(), Instant.now());
            var entry = register.entries().stream().filter(e -> e.exemption().equals(debug)).findFirst().orElseThrow();
            assertEquals(ExemptionStatus.ACTIVE, entry.status());
            assertEquals(List.of("Pod Security Standards (Baseline)"), entry.checkTypes());
            assertTrue(workspace.otherDocuments().stream().anyMatch(d -> "Namespace".equals(d.get("kind"))),
                    "namespaces are read for evaluation");
            assertFalse(progress.isEmpty());
            assertEquals(read.objects().size(), progress.getLast().loaded());
            assertTrue(workspace.problems().isEmpty(), workspace.problems().toString());
        }
    }

    @Test
    void aClusterWithoutKyvernoGivesAnEmptyRegisterAndOneClearProblem() {
        assumeFalse(TestCluster.real());
        var bare = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        bare.init();
        try (var admin = bare.createClient()) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build()).create();
            Path file = TestCluster.kubeconfig(dir, Map.of("bare", admin.getConfiguration().getMasterUrl()));
            try (var connector = new ClusterConnector(Kubeconfigs.load(List.of(file)), TestCluster.fast())) {
                ClusterRead read = connector.reader("bare", java.time.Clock.systemUTC()).read(ReadScope.register(), p -> { });
                Workspace workspace = ClusterWorkspaces.live(read);
                assertTrue(workspace.exemptions().isEmpty());
                assertEquals(1, workspace.problems().size(), workspace.problems().toString());
                assertEquals("context bare: Kyverno is not installed (or too old): the server serves no PolicyException "
                        + "(kyverno.io/v2, kyverno.io/v2beta1, kyverno.io/v2alpha1)", workspace.problems().getFirst().toString());
                assertEquals(1, workspace.otherDocuments().size(), "the rest is still read");
            }
        } finally {
            bare.destroy();
        }
    }

    @Test
    void reportsAndWorkloadsAreReadOnRequest() {
        try (var connection = cluster.connect(dir, "prod")) {
            cluster.admin().pods().inNamespace(cluster.namespace()).resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                    .withNewMetadata().withName("web").endMetadata().withNewSpec().addNewContainer().withName("web")
                    .withImage("nginx").endContainer().endSpec().build()).create();
            ClusterRead register = connection.reader().read(ReadScope.register(), p -> { });
            assertTrue(register.objectsOf("Pod").isEmpty());
            ClusterRead evaluation = connection.reader().read(ReadScope.evaluation(), p -> { });
            var pod = evaluation.objectsOf("Pod").stream().filter(o -> o.namespace().equals(cluster.namespace())).toList();
            assertEquals(1, pod.size());
            assertEquals("v1", pod.getFirst().apiVersion());
            ClusterRead reports = connection.reader().read(new ReadScope(true, false), p -> { });
            assertEquals("v1alpha2", reports.servedVersions().get("PolicyReport"));
        }
    }

    @Test
    void theExceptionNamespaceComesFromKyvernosFlagElseFromWhereExceptionsLive() {
        assumeFalse(TestCluster.real());
        cluster.createException("one", "p", "r");
        try (var connection = cluster.connect(dir, "prod")) {
            var guessed = connection.reader().read(ReadScope.register(), p -> { }).exceptionNamespace();
            assertEquals(ExceptionNamespace.of(cluster.namespace(), ExceptionNamespace.Origin.MOST_EXCEPTIONS), guessed);

            cluster.admin().apps().deployments().inNamespace("kyverno").resource(new DeploymentBuilder()
                    .withNewMetadata().withName("kyverno-admission-controller").withNamespace("kyverno").endMetadata()
                    .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("kyverno")
                    .withArgs("--autoUpdateWebhooks=true", "--exceptionNamespace=policy-exceptions").endContainer()
                    .endSpec().endTemplate().endSpec().build()).create();
            var flagged = connection.reader().read(ReadScope.register(), p -> { }).exceptionNamespace();
            assertEquals(ExceptionNamespace.of("policy-exceptions", ExceptionNamespace.Origin.KYVERNO_FLAG), flagged);
            assertTrue(flagged.enforced());
        }
    }
}
