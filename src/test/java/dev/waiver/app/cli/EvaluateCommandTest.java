package dev.waiver.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.workspace.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/// `waiver evaluate` on the corpus case cli-exceptions-1: a Skip names its exception and its
/// hidden failure; an exception the cluster does not honour now changes nothing.
class EvaluateCommandTest {

    private static final String NOW = "--now=2026-06-01T00:00:00Z";

    @TempDir
    Path dir;
    Path policy;
    Path resources;
    Path exception;

    @BeforeEach
    void copyCase() throws IOException {
        TestCommandTest.copyCase("cli-exceptions-1", dir.resolve("case"));
        policy = dir.resolve("case/policy.yaml");
        resources = dir.resolve("case/resources.yaml");
        exception = dir.resolve("case/exception.yaml");
    }

    private List<Map<String, Object>> json(CliRun r) {
        return new JsonMapper().readValue(r.out(), List.class);
    }

    private Map<String, Object> resultFor(List<Map<String, Object>> rows, String name) {
        return rows.stream().filter(m -> name.equals(((Map<?, ?>) m.get("resource")).get("name"))).findFirst().orElseThrow();
    }

    @Test
    void skipNamesTheExceptionAndItsHiddenFailure() {
        CliRun r = CliRun.of("evaluate", NOW, "-p", policy.toString(), "-r", resources.toString(), "-e", exception.toString(), "-o", "json");
        assertEquals(1, r.code(), "bad-deployment fails: " + r);
        var rows = json(r);
        var tool = resultFor(rows, "important-tool");
        assertEquals("skip", tool.get("result"));
        assertEquals("delta/delta-exception", tool.get("exception"));
        assertEquals("fail", tool.get("hiddenResult"));
        assertEquals(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "namespace", "delta", "name", "important-tool"), tool.get("resource"));
        var good = resultFor(rows, "good-deployment");
        assertEquals("pass", good.get("result"));
        assertNull(good.get("exception"));
        assertEquals("fail", resultFor(rows, "bad-deployment").get("result"));
    }

    @Test
    void tableShowsWhatTheSkipHidesAndCounts() {
        CliRun r = CliRun.of("evaluate", NOW, "-p", policy.toString(), "-r", resources.toString(), "-e", exception.toString());
        assertEquals(1, r.code(), r.toString());
        String skip = r.out().lines().filter(l -> l.contains("important-tool")).findFirst().orElseThrow();
        assertTrue(skip.startsWith("skip (would fail)"), skip);
        assertTrue(skip.endsWith("delta/delta-exception"), skip);
        assertTrue(r.out().lines().toList().getLast().equals("3 results: 1 pass, 1 fail, 1 skip (1 skipped by exceptions would fail)"), r.out());
    }

    @Test
    void exceptionsInThePolicyFolderCountToo() {
        CliRun r = CliRun.of("evaluate", NOW, "-p", dir.resolve("case").toString(), "-r", resources.toString(), "-o", "json");
        assertEquals("skip", resultFor(json(r), "important-tool").get("result"), r.toString());
    }

    @Test
    void expiredExceptionIsNotHonouredSoTheResourceFails() throws IOException {
        Files.writeString(exception, Files.readString(exception) + """
                  conditions:
                    all:
                    - key: "{{ time_before('{{ time_now_utc() }}', '2026-03-01T00:00:00Z') }}"
                      operator: Equals
                      value: true
                """);
        CliRun before = CliRun.of("evaluate", "--now=2026-02-01T00:00:00Z", "-p", policy.toString(), "-r", resources.toString(),
                "-e", exception.toString(), "-o", "json");
        assertEquals("skip", resultFor(json(before), "important-tool").get("result"), before.toString());
        CliRun after = CliRun.of("evaluate", NOW, "-p", policy.toString(), "-r", resources.toString(), "-e", exception.toString(), "-o", "json");
        assertEquals(1, after.code());
        var tool = resultFor(json(after), "important-tool");
        assertEquals("fail", tool.get("result"));
        assertNull(tool.get("exception"));
        assertTrue(after.err().contains("exception delta/delta-exception is Expired: not honoured"), after.err());
    }

    @Test
    void exceptionStillInReviewIsNotHonoured() throws IOException {
        Files.writeString(exception, Files.readString(exception).replace("  namespace: delta\n",
                "  namespace: delta\n  annotations:\n    waiver.dev/request-id: REQ-1\n"));
        CliRun r = CliRun.of("evaluate", NOW, "-p", policy.toString(), "-r", resources.toString(), "-e", exception.toString(), "-o", "json");
        assertEquals("fail", resultFor(json(r), "important-tool").get("result"), r.toString());
        assertTrue(r.err().contains("is In Review"), r.err());
    }

    @Test
    void policyReportsPerNamespaceAndOneForTheCluster() throws IOException {
        Path nsPolicy = dir.resolve("ns-policy.yaml");
        Files.writeString(nsPolicy, """
                apiVersion: kyverno.io/v1
                kind: ClusterPolicy
                metadata:
                  name: require-team-label
                  annotations:
                    policies.kyverno.io/severity: medium
                    policies.kyverno.io/category: Best Practices
                spec:
                  rules:
                  - name: team
                    match:
                      any:
                      - resources: {kinds: [Namespace]}
                    validate:
                      message: "a team label is required"
                      pattern:
                        metadata:
                          labels:
                            team: "?*"
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: delta}
                """);
        CliRun r = CliRun.of("evaluate", NOW, "-p", policy.toString(), "-p", nsPolicy.toString(), "-r", resources.toString(),
                "-e", exception.toString(), "-o", "policyreport");
        assertEquals(1, r.code(), r.toString());
        var read = YamlDocuments.readString("out", r.out());
        assertTrue(read.problems().isEmpty(), read.problems().toString());
        var reports = read.documents().stream().map(d -> d.tree()).toList();
        assertEquals(List.of("PolicyReport", "PolicyReport", "ClusterPolicyReport"), reports.stream().map(t -> t.get("kind")).toList());
        assertEquals(Map.of("pass", 1, "fail", 1, "warn", 0, "error", 0, "skip", 0), reports.get(0).get("summary"));
        var delta = reports.get(1);
        assertEquals("delta", ((Map<?, ?>) delta.get("metadata")).get("namespace"));
        var skip = (Map<?, ?>) ((List<?>) delta.get("results")).getFirst();
        assertEquals("skip", skip.get("result"));
        assertEquals(Map.of("process", "background scan", "exceptions", "delta-exception",
                "waiver.dev/exceptions", "delta/delta-exception", "waiver.dev/hidden-result", "fail"), skip.get("properties"));
        var cluster = (Map<?, ?>) ((List<?>) reports.get(2).get("results")).getFirst();
        assertEquals("fail", cluster.get("result"));
        assertEquals("medium", cluster.get("severity"));
        assertEquals("Best Practices", cluster.get("category"));
        assertEquals(Map.of("seconds", 1780272000, "nanos", 0), cluster.get("timestamp"));
        assertFalse(((Map<?, ?>) reports.get(2).get("metadata")).containsKey("namespace"));
    }

    @Test
    void malformedResourceFileIsOneLineAndExitTwo() throws IOException {
        Files.writeString(resources, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n");
        CliRun r = CliRun.of("evaluate", NOW, "-p", policy.toString(), "-r", resources.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("resources.yaml:"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingPathAndBadFormatExitTwo() {
        assertEquals(2, CliRun.of("evaluate", "-p", dir.resolve("nope.yaml").toString(), "-r", resources.toString()).code());
        assertEquals(2, CliRun.of("evaluate", "-p", policy.toString(), "-r", resources.toString(), "-o", "xml").code());
    }
}
