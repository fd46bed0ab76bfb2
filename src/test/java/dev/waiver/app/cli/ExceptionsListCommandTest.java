package dev.waiver.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/// `waiver exceptions list` as a user runs it: on a folder of real YAML, with filters, JSON and bad files.
class ExceptionsListCommandTest {

    private static final String NOW = "--now=2026-11-23T12:00:00Z";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) { }

    private Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private void write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    private void sampleFolder() throws IOException {
        write("policies/privileged.yaml", """
                apiVersion: kyverno.io/v1
                kind: ClusterPolicy
                metadata:
                  name: disallow-privileged-containers
                  annotations:
                    policies.kyverno.io/category: Pod Security Standards (Baseline)
                spec:
                  rules:
                    - name: privileged-containers
                      match:
                        any:
                          - resources: {kinds: [Pod]}
                """);
        write("exceptions/team.yml", """
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata:
                  name: debug-agent
                  namespace: payments
                  annotations:
                    waiver.dev/requestor: ana@example.com
                    waiver.dev/ticket: SEC-101
                    waiver.dev/reason: vendor debug agent
                spec:
                  exceptions:
                    - policyName: disallow-privileged-containers
                      ruleNames: [privileged-containers, autogen-privileged-containers]
                  match:
                    any:
                      - resources: {kinds: [Pod, Deployment], namespaces: [payments], names: [debug-agent*]}
                  conditions:
                    all:
                      - key: "{{ time_before('{{ time_now_utc() }}', '2026-11-26T00:00:00Z') }}"
                        operator: Equals
                        value: true
                ---
                apiVersion: kyverno.io/v2beta1
                kind: PolicyException
                metadata:
                  name: old-one
                  namespace: checkout
                  annotations:
                    jira-ticket: OPS-7
                spec:
                  exceptions:
                    - policyName: disallow-latest-tag
                      ruleNames: ["*"]
                  match:
                    any:
                      - resources: {kinds: [Pod], namespaces: [checkout]}
                  conditions:
                    all:
                      - key: "{{ time_now_utc() }}"
                        operator: LessThan
                        value: "2026-10-01T00:00:00Z"
                """);
        write("other/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: checkout}
                """);
    }

    @Test
    void listsTheFolderWithStatusCheckTypeRequestorTicketAndExpiry() throws IOException {
        sampleFolder();
        Run r = run("exceptions", "list", "--dir", dir.toString(), NOW, "-o", "json");
        assertEquals(0, r.code(), r.err());
        List<Map<String, Object>> rows = new JsonMapper().readValue(r.out(), List.class);
        assertEquals(2, rows.size());
        var debug = rows.getFirst();
        assertEquals("debug-agent", debug.get("name"));
        assertEquals("Active", debug.get("status"));
        assertEquals("Pod Security Standards (Baseline)", debug.get("checkType"));
        assertEquals("ana@example.com", debug.get("requestor"));
        assertEquals("SEC-101", debug.get("ticket"));
        assertEquals("2026-11-26T00:00:00Z", debug.get("expires"));
        var old = rows.get(1);
        assertEquals("Expired", old.get("status"), "LessThan a timestamp is never true; its date has passed");
        assertEquals("OPS-7", old.get("ticket"));
        assertTrue(r.out().contains("condition-never-true"));
    }

    @Test
    void filtersCombine() throws IOException {
        sampleFolder();
        assertEquals(List.of("debug-agent"), names("--status", "active"));
        assertEquals(List.of("old-one"), names("--status", "Expired", "--namespace", "checkout"));
        assertEquals(List.of(), names("--status", "expired", "--namespace", "payments"));
        assertEquals(List.of("debug-agent"), names("--check-type", "Pod Security Standards (Baseline)"));
        assertEquals(List.of("old-one"), names("--search", "ops-7"));
    }

    private List<Object> names(String... filters) {
        var args = new java.util.ArrayList<>(List.of("exceptions", "list", "--dir", dir.toString(), NOW, "-o", "json"));
        args.addAll(List.of(filters));
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        List<Map<String, Object>> rows = new JsonMapper().readValue(r.out(), List.class);
        return rows.stream().map(m -> m.get("name")).toList();
    }

    @Test
    void tableEndsWithCountsPerStatus() throws IOException {
        sampleFolder();
        Run r = run("exceptions", "list", "--dir", dir.toString(), NOW);
        assertEquals(0, r.code());
        assertTrue(r.out().lines().findFirst().orElseThrow().startsWith("STATUS"));
        assertTrue(r.out().contains("2 exceptions: 1 Active, 1 Expired"), r.out());
    }

    @Test
    void malformedFileIsOneLineWithFileAndLineAndExitTwoWhileTheRestStillLists() throws IOException {
        sampleFolder();
        write("broken.yaml", "apiVersion: kyverno.io/v2\nkind: PolicyException\nmetadata:\n  name: [unclosed\n");
        Run r = run("exceptions", "list", "--dir", dir.toString(), NOW, "-o", "json");
        assertEquals(2, r.code());
        var lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.getFirst().contains("broken.yaml:"), lines.getFirst());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertTrue(r.out().contains("debug-agent"));
    }

    @Test
    void missingFolderAndBadOptionsExitTwo() {
        Run missing = run("exceptions", "list", "--dir", dir.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file or folder"));
        Run badStatus = run("exceptions", "list", "--status", "approved");
        assertEquals(2, badStatus.code());
        assertTrue(badStatus.err().contains("unknown status 'approved'"), badStatus.err());
    }
}
