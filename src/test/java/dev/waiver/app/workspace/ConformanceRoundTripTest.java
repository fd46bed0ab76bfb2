package dev.waiver.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/// Every YAML file of Kyverno's own test cases survives read → write → read unchanged: Waiver
/// writes exceptions back to clusters and folders, and must not alter what it does not understand.
class ConformanceRoundTripTest {

    @TestFactory
    Stream<DynamicTest> everyConformanceFileRoundTrips() throws IOException {
        Path corpus = sharedFolder().resolve("conformance/kyverno");
        assertTrue(Files.isDirectory(corpus), "conformance corpus missing: " + corpus.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(ConformanceRoundTripTest::isYaml).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no YAML files under " + corpus.toAbsolutePath());
        return files.stream().map(file -> DynamicTest.dynamicTest(corpus.relativize(file).toString(),
                () -> assertRoundTrips(file)));
    }

    private static void assertRoundTrips(Path file) {
        LoadResult read = YamlDocuments.readFile(file);
        assertEquals(List.of(), read.problems());
        List<Map<String, Object>> trees = read.documents().stream().map(SourcedDocument::tree).toList();

        String written = YamlWriter.writeAll(trees);
        LoadResult reread = YamlDocuments.readString(file + " (written)", written);

        assertEquals(List.of(), reread.problems(), written);
        assertEquals(trees, reread.documents().stream().map(SourcedDocument::tree).toList(), written);
    }

    /// `-Dwaiver.shared=…`, else `../shared` beside the checkout (as in /work/main and its worktrees).
    private static Path sharedFolder() {
        String configured = System.getProperty("waiver.shared");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "shared");
        assertTrue(Files.isDirectory(shared), "shared folder not found at " + shared.toAbsolutePath()
                + "; set -Dwaiver.shared=/path/to/shared");
        return shared;
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
