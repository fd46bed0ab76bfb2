package dev.waiver.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.engine.evaluation.KyvernoTestSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `waiver test` on real corpus cases, on a case with a wrong expectation and on a broken file.
class TestCommandTest {

    private static final String NOW = "--now=2026-06-01T00:00:00Z";
    private static final List<String> CASES = List.of("cli-exceptions-1", "cli-autogen", "cli-anypattern-skip-error-oldformat",
            "cli-any-namespaceselector");

    @TempDir
    Path dir;

    @Test
    void realCasesAllPassWithALinePerExpectedResult() {
        var args = new java.util.ArrayList<>(List.of("test", NOW));
        CASES.forEach(c -> args.add(CliRun.corpus().resolve(c).toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        long checks = lines.stream().filter(l -> l.startsWith("PASS  ")).count();
        assertEquals(expectedResults(), checks, r.toString());
        assertEquals(checks + " passed, 0 failed", lines.getLast());
        assertEquals(checks + 1, lines.size(), "only PASS lines and the closing line");
        assertTrue(lines.contains("PASS  cli-exceptions-1  disallow-host-namespaces/autogen-host-namespaces  "
                + "Deployment/important-tool  skip"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void aFolderTreeIsSearchedAndCasesAreNamedByTheirFolder() throws IOException {
        copyCase("cli-exceptions-1", dir.resolve("team-a/exceptions"));
        copyCase("cli-autogen", dir.resolve("team-b"));
        CliRun r = CliRun.of("test", NOW, dir.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("PASS  team-a/exceptions  "), r.out());
        assertTrue(r.out().contains("PASS  team-b  "), r.out());
    }

    @Test
    void aWrongExpectationFailsNamingCaseResourceAndWhatWasGot() throws IOException {
        Path copy = copyCase("cli-exceptions-1", dir.resolve("flipped"));
        Path test = copy.resolve("kyverno-test.yaml");
        String yaml = Files.readString(test);
        Files.writeString(test, yaml.replace("  - good-deployment\n  result: pass", "  - good-deployment\n  result: fail"));
        CliRun r = CliRun.of("test", NOW, copy.toString());
        assertEquals(1, r.code(), r.toString());
        String failLine = r.out().lines().filter(l -> l.startsWith("FAIL")).findFirst().orElseThrow();
        assertTrue(failLine.startsWith("FAIL  flipped  disallow-host-namespaces/autogen-host-namespaces  "
                + "Deployment/good-deployment  fail  want fail, got pass"), failLine);
        assertTrue(r.out().endsWith("2 passed, 1 failed\n"), r.out());
    }

    @Test
    void malformedTestFileIsOneLineAndExitTwo() throws IOException {
        Path copy = copyCase("cli-exceptions-1", dir.resolve("broken"));
        Files.writeString(copy.resolve("kyverno-test.yaml"), "apiVersion: cli.kyverno.io/v1alpha1\nkind: Test\nresults: [unclosed\n");
        CliRun r = CliRun.of("test", NOW, copy.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("kyverno-test.yaml:"), r.err());
        assertFalse(r.err().contains("\tat "));
    }

    @Test
    void malformedPolicyNamedByTheTestIsBadInputNotAFailure() throws IOException {
        Path copy = copyCase("cli-exceptions-1", dir.resolve("badpolicy"));
        Files.writeString(copy.resolve("policy.yaml"), "kind: ClusterPolicy\nmetadata: {name: [x\n");
        CliRun r = CliRun.of("test", NOW, copy.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("policy.yaml:"), r.err());
    }

    @Test
    void missingPathExitsTwo() {
        CliRun r = CliRun.of("test", dir.resolve("nope").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file or folder"), r.err());
    }

    /// Expected results × named resources, counted from the test files themselves.
    private static long expectedResults() {
        long n = 0;
        for (String c : CASES) {
            var tree = YamlDocuments.readFile(CliRun.corpus().resolve(c).resolve("kyverno-test.yaml")).documents().getFirst().tree();
            n += KyvernoTestSpec.of(tree).results().stream().mapToLong(e -> e.resources().size()).sum();
        }
        return n;
    }

    static Path copyCase(String name, Path target) throws IOException {
        Path source = CliRun.corpus().resolve(name);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
        }
        return target;
    }
}
