package dev.waiver.app.workspace;

import static dev.waiver.app.workspace.YamlDocumentsTest.kinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Broken and hostile input ends as one short problem with file and line; other files still load.
class HostileYamlTest {

    private static final YamlLimits LIMITS = YamlLimits.DEFAULTS;

    @TempDir
    Path dir;

    @Test
    void refusesAFileOverTheSizeLimitBeforeReadingIt() throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.write(big, filled(LIMITS.maxFileBytes() + 1, "kind: Big\n"));

        LoadResult result = YamlDocuments.readFile(big);

        assertEquals(List.of(), result.documents());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().getFirst().message().startsWith("file is larger than 8 MiB"),
                result.problems().getFirst().message());
    }

    @Test
    void readsAFileJustUnderTheSizeLimit() throws IOException {
        // snakeyaml-engine stops at 3 MiB unless told otherwise: the limit must be ours
        Path large = dir.resolve("large.yaml");
        Files.write(large, filled(LIMITS.maxFileBytes(), "kind: Large\n"));

        LoadResult result = YamlDocuments.readFile(large);

        assertEquals(List.of(), result.problems());
        assertEquals(List.of("Large"), kinds(result));
    }

    @Test
    void refusesNestingDeeperThanTheLimitAtTheLineWhereItGoesTooDeep() {
        StringBuilder block = new StringBuilder();
        for (int depth = 0; depth < LIMITS.maxDepth() + 10; depth++) {
            block.append("  ".repeat(depth)).append("a:\n");
        }

        LoadResult deepBlock = YamlDocuments.readString("deep.yaml", block.toString());
        LoadResult deepFlow = YamlDocuments.readString("flow.yaml", "[".repeat(100_000));
        LoadResult atLimit = YamlDocuments.readString("ok.yaml",
                "a: " + "[".repeat(LIMITS.maxDepth() - 1) + "]".repeat(LIMITS.maxDepth() - 1));

        // line n opens the map at depth n
        assertEquals(List.of(new LoadProblem("deep.yaml", LIMITS.maxDepth() + 1, "nested deeper than 64 levels")),
                deepBlock.problems());
        assertEquals(List.of(new LoadProblem("flow.yaml", 1, "nested deeper than 64 levels")), deepFlow.problems());
        assertEquals(List.of(), atLimit.problems());
        assertEquals(1, atLimit.documents().size());
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String previous = "*" + (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
        }

        yaml.append("---\nkind: After\n");

        LoadResult result = YamlDocuments.readString("laughs.yaml", yaml.toString());

        // line e holds 10^5 copies of "lol": the node budget trips before the 50th alias
        assertEquals(List.of(new LoadProblem("laughs.yaml", 5,
                "aliases expand to more than 100000 nodes in one document")), result.problems());
        assertEquals(List.of("After"), kinds(result));
    }

    @Test
    void refusesMoreAliasesPerDocumentThanTheLimit() {
        String fifty = "a: &a x\nb:\n" + "- *a\n".repeat(LIMITS.maxAliasesPerDocument());
        String fiftyOne = fifty + "- *a\n";

        LoadResult atLimit = YamlDocuments.readString("fifty.yaml", fifty);
        LoadResult over = YamlDocuments.readString("over.yaml", fiftyOne);

        assertEquals(List.of(), atLimit.problems());
        assertEquals(List.of(new LoadProblem("over.yaml", 3 + LIMITS.maxAliasesPerDocument(),
                "more than 50 aliases in one document")), over.problems());
    }

    @Test
    void refusesFewAliasesThatDoubleTheirSizeEachTime() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 25; i++) { // 48 aliases, within the alias limit, 2^25 nodes if expanded
            yaml.append("a").append(i).append(": &a").append(i)
                    .append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }

        LoadResult result = YamlDocuments.readString("doubling.yaml", yaml.toString());

        assertEquals(1, result.problems().size());
        assertEquals("aliases expand to more than 100000 nodes in one document",
                result.problems().getFirst().message());
    }

    @Test
    void stopsAfterTooManyDocumentsKeepingTheFirst() {
        String yaml = "kind: D\n---\n".repeat(LIMITS.maxDocumentsPerFile() + 5);

        LoadResult result = YamlDocuments.readString("many.yaml", yaml);

        assertEquals(LIMITS.maxDocumentsPerFile(), result.documents().size());
        assertEquals(List.of(new LoadProblem("many.yaml", 2 * LIMITS.maxDocumentsPerFile() + 1,
                "more than 100000 documents in one file; the rest of the file is skipped")), result.problems());
    }

    @Test
    void namesFileAndLineOfMalformedYamlInOneShortSentence() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x
                data:
                  key: value
                  other: b: c
                """);

        List<LoadProblem> problems = YamlDocuments.readFile(bad).problems();

        assertEquals(1, problems.size());
        assertTrue(problems.getFirst().toString().endsWith("bad.yaml:7: malformed YAML: mapping values are not allowed here"),
                problems.getFirst().toString());
    }

    @Test
    void describesCommonMistakesWithTheirLine() {
        assertEquals("i.yaml:3: malformed YAML: bad indentation",
                problem("i.yaml", "a:\n  b: 1\n c: 2\n"));
        assertEquals("q.yaml:2: malformed YAML: unclosed quote",
                problem("q.yaml", "a: 1\nb: 'unclosed\nc: 2\n"));
        assertEquals("t.yaml:3: malformed YAML: tab character where YAML wants spaces",
                problem("t.yaml", "a:\n  b: 1\n\tc: 2\n"));
        assertEquals("k.yaml:1: malformed YAML: map keys must be plain values, not maps or lists",
                problem("k.yaml", "? [a, b]\n: c\n"));
        assertEquals("u.yaml:2: alias *x has no anchor &x before it", problem("u.yaml", "a: 1\nb: *x\n"));
    }

    @Test
    void keepsGoodDocumentsAroundABrokenOneAndResumesAtTheNextDocument() {
        String yaml = "kind: First\n---\nkind: Broken\n  bad: indentation\n---\nkind: 'unclosed\n---\nkind: Last\n";
        String windows = yaml.replace("\n", "\r\n");

        for (String text : List.of(yaml, windows)) {
            LoadResult result = YamlDocuments.readString("mixed.yaml", text);

            assertEquals(List.of("First", "Last"), kinds(result));
            assertEquals(List.of(1, 8), YamlDocumentsTest.lines(result));
            assertEquals(List.of(4, 6), result.problems().stream().map(LoadProblem::line).toList());
        }
    }

    @Test
    void givesUpOnAFileAfterTooManyBrokenDocuments() {
        String yaml = "a: b: c\n---\n".repeat(1000);

        LoadResult result = YamlDocuments.readString("broken.yaml", yaml);

        assertEquals(LIMITS.maxProblemsPerFile() + 1, result.problems().size());
        assertTrue(result.problems().getLast().message().startsWith("more than 20 problems in one file"));
    }

    @Test
    void oneBadFileInAFolderDoesNotStopTheOthers() throws IOException {
        Files.writeString(dir.resolve("a-good.yaml"), "kind: A\n");
        Files.writeString(dir.resolve("b-bad.yaml"), "kind: B\nmetadata:\n  name: [unclosed\n");
        Files.writeString(dir.resolve("c-good.yaml"), "kind: C\n");

        LoadResult result = YamlDocuments.readFolder(dir);

        assertEquals(List.of("A", "C"), kinds(result));
        assertEquals(1, result.problems().size());
        LoadProblem problem = result.problems().getFirst();
        assertEquals(dir.resolve("b-bad.yaml").toString(), problem.file());
        assertTrue(problem.line() >= 3, problem.toString());
    }

    @Test
    void problemMessagesAreOneLineWithoutSourceExcerptsOrClassNames() {
        List<String> hostile = List.of("a: b: c", "a:\n  b: 1\n c: 2", "a: 'x", "a:\n\tb: 1", "[[[", "{a: 1",
                "a: " + "9".repeat(2000), "- a\nb: c", "&a [*a]", "a: !!binary ~~~", "\u0000");
        for (String yaml : hostile) {
            for (LoadProblem problem : YamlDocuments.readString("h.yaml", yaml).problems()) {
                String message = problem.message();
                assertFalse(message.contains("\n") || message.contains("^") || message.contains("jackson")
                        || message.contains("snakeyaml") || message.contains("Exception")
                        || message.contains("in reader"), yaml + " -> " + message);
                assertTrue(problem.line() > 0, yaml + " -> " + problem);
            }
        }
    }

    private static String problem(String file, String yaml) {
        List<LoadProblem> problems = YamlDocuments.readString(file, yaml).problems();
        assertEquals(1, problems.size(), problems::toString);
        return problems.getFirst().toString();
    }

    /// `prefix` followed by a comment padding the content to exactly `size` bytes.
    private static byte[] filled(long size, String prefix) {
        byte[] bytes = new byte[Math.toIntExact(size)];
        Arrays.fill(bytes, (byte) 'x');
        byte[] head = (prefix + "#").getBytes();
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[bytes.length - 1] = '\n';
        return bytes;
    }
}
