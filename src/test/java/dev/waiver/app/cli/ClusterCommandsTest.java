package dev.waiver.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.app.cluster.ResourceType;
import dev.waiver.app.cluster.TestCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/// `waiver contexts`, and `exceptions list` / `evaluate` with `--context`, against API servers on loopback
/// named by a generated kubeconfig.
class ClusterCommandsTest {

    static final String NOW = "--now=2026-11-23T12:00:00Z";

    @TempDir
    Path dir;

    private TestCluster prod;
    private TestCluster staging;
    private Path kubeconfig;
    private String deadServer;

    @BeforeEach
    void start() throws IOException {
        assumeFalse(TestCluster.real(), "the command tests script several servers");
        prod = TestCluster.start();
        staging = TestCluster.start();
        try (var socket = new ServerSocket(0)) {
            deadServer = "http://127.0.0.1:" + socket.getLocalPort(); // closed again: nothing listens there
        }
        var servers = new LinkedHashMap<String, String>();
        servers.put("prod", prod.url());
        servers.put("staging", staging.url());
        servers.put("dead", deadServer);
        kubeconfig = TestCluster.kubeconfig(dir, servers);
        prod.createException("debug-agent", "disallow-privileged", "privileged-containers");
        staging.createException("load-test", "require-limits", "limits");
    }

    @AfterEach
    void stop() {
        if (prod != null) {
            prod.close();
            staging.close();
        }
    }

    private CliRun waiver(String... args) {
        var all = new java.util.ArrayList<>(List.of("--kubeconfig", kubeconfig.toString(), "--home", dir.resolve("home").toString(), NOW));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void contextsListsEveryContextWithReachabilityAndIdentity() throws Exception {
        var run = waiver("contexts");
        assertEquals(0, run.code(), run.toString());
        var lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("CURRENT\\s+NAME\\s+SERVER\\s+NAMESPACE\\s+REACHABLE\\s+IDENTITY"), lines.get(0));
        assertTrue(lines.get(1).matches("\\*\\s+prod\\s+" + java.util.regex.Pattern.quote(prod.url()) + "\\s+team-prod\\s+yes.*\\s+prod-user"),
                lines.get(1));
        assertTrue(lines.get(2).matches("\\s*staging\\s+.*\\s+team-staging\\s+yes.*staging-user"), lines.get(2));
        assertTrue(lines.get(3).contains("no: connection refused: the server is not reachable"), lines.get(3));

        var json = waiver("contexts", "-o", "json");
        List<Map<String, Object>> rows = JsonMapper.builder().build().readValue(json.out(), List.class);
        assertEquals(List.of("prod", "staging", "dead"), rows.stream().map(r -> r.get("name")).toList());
        assertEquals(true, rows.get(0).get("current"));
        assertEquals(false, rows.get(2).get("reachable"));
        assertEquals("prod-user", rows.get(0).get("identity"));

        var offline = waiver("contexts", "--no-check");
        assertTrue(offline.out().contains("not checked"), offline.toString());
    }

    @Test
    void severalContextsMergeIntoOneRegisterWithAContextColumn() throws Exception {
        var run = waiver("exceptions", "list", "--context", "prod", "--context", "staging");
        assertEquals(0, run.code(), run.toString());
        var lines = run.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("CONTEXT"), lines.getFirst());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("prod ") && l.contains("debug-agent")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("staging ") && l.contains("load-test")), run.out());
        assertEquals("", run.err());

        var json = waiver("exceptions", "list", "--all-contexts", "-o", "json");
        assertEquals(0, json.code(), "one context down is not a failure: " + json);
        List<Map<String, Object>> rows = JsonMapper.builder().build().readValue(json.out(), List.class);
        assertEquals(List.of("prod", "staging"), rows.stream().map(r -> r.get("context")).toList());
        assertEquals("context prod", rows.getFirst().get("source"));
        assertEquals(List.of("context dead: cannot discover kyverno.io/v2: connection refused: the server is not reachable;"
                + " no snapshot of it yet"), json.err().lines().toList());

        var single = waiver("exceptions", "list", "--context", "prod");
        assertFalse(single.out().startsWith("CONTEXT"), "one context needs no context column");
    }

    @Test
    void anUnreachableContextIsServedFromItsSnapshotAndSaysSo() {
        assertEquals(0, waiver("exceptions", "list", "--context", "staging").code());
        staging.kill();
        var run = waiver("exceptions", "list", "--context", "prod", "--context", "staging");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("load-test"), "the snapshot is listed: " + run);
        var err = run.err().lines().toList();
        assertEquals(1, err.size(), run.err());
        assertTrue(err.getFirst().matches("context staging: offline, as of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: cannot discover "
                + "kyverno.io/v2: (connection refused: the server is not reachable|the server did not answer in time \\(timed out\\)|the connection was cut before the server answered)"
                + "; showing its last snapshot"), err.getFirst());

        var nothing = waiver("exceptions", "list", "--context", "dead");
        assertEquals(2, nothing.code(), "nothing could be read: " + nothing);
        assertEquals("", nothing.out());
    }

    @Test
    void mistakesGiveOneLineAndExit2() throws IOException {
        var unknown = waiver("exceptions", "list", "--context", "qa");
        assertEquals(2, unknown.code());
        assertEquals("no context 'qa' in the kubeconfig (it has prod, staging, dead)\n", unknown.err());

        var both = waiver("exceptions", "list", "--context", "prod", "--dir", dir.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("waiver: --dir reads a folder, --context and --all-contexts read clusters: choose one"));
        var allAndOne = waiver("exceptions", "list", "--all-contexts", "--context", "prod");
        assertEquals(2, allAndOne.code());
        assertEquals("waiver: --all-contexts reads every context, --context only the ones it names: choose one\n", allAndOne.err());

        var missing = CliRun.of("--kubeconfig", dir.resolve("none").toString(), "contexts");
        assertEquals(2, missing.code());
        assertEquals(dir.resolve("none") + ": no such kubeconfig file\n", missing.err());

        Path broken = Files.writeString(dir.resolve("broken"), "clusters: [ {name: x\n");
        var malformed = CliRun.of("--kubeconfig", broken.toString(), "exceptions", "list", "--all-contexts");
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().startsWith(broken + ": not a valid kubeconfig (YAML error at line"), malformed.err());

        var noInputs = waiver("evaluate");
        assertEquals(2, noInputs.code());
        assertTrue(noInputs.err().contains("--context CTX to take them from a cluster"), noInputs.err());
    }

    @Test
    void evaluateTakesPoliciesExceptionsAndWorkloadsFromTheCluster() throws IOException {
        prod.apply(ResourceType.CLUSTER_POLICY, """
                apiVersion: kyverno.io/v1
                kind: ClusterPolicy
                metadata: {name: require-team-label}
                spec:
                  rules:
                    - name: team
                      match: {any: [{resources: {kinds: [Pod]}}]}
                      validate:
                        message: a team label is required
                        pattern: {metadata: {labels: {team: "?*"}}}
                """);
        prod.apply(ResourceType.WORKLOADS.getFirst(), """
                apiVersion: v1
                kind: Pod
                metadata: {name: unlabelled}
                spec: {containers: [{name: app, image: nginx}]}
                """);
        prod.apply(ResourceType.POLICY_EXCEPTION, """
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata: {name: legacy}
                spec:
                  exceptions: [{policyName: require-team-label, ruleNames: [team]}]
                  match: {any: [{resources: {kinds: [Pod], names: [legacy-*]}}]}
                """);
        Path local = Files.writeString(dir.resolve("local.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: legacy-batch, namespace: %s}
                spec: {containers: [{name: app, image: busybox}]}
                """.formatted(prod.namespace()));

        var run = waiver("evaluate", "--context", "prod", "-r", local.toString(), "-o", "json");
        assertEquals(1, run.code(), run.toString());
        List<Map<String, Object>> rows = JsonMapper.builder().build().readValue(run.out(), List.class);
        var byName = new java.util.HashMap<String, Object>();
        rows.forEach(r -> byName.put((String) ((Map<?, ?>) r.get("resource")).get("name"), r.get("result")));
        assertEquals("fail", byName.get("unlabelled"));
        assertEquals("skip", byName.get("legacy-batch"), "the cluster's exception applies to a local resource");
        assertTrue(rows.stream().allMatch(r -> "prod".equals(r.get("context"))));

        var table = waiver("evaluate", "--context", "prod", "--context", "staging");
        assertTrue(table.out().startsWith("context prod:"), table.toString());
        assertTrue(table.err().contains("context staging: no ClusterPolicy or Policy: nothing to evaluate"), table.err());
    }
}
