package dev.waiver.engine.evaluation;

import dev.waiver.app.workspace.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/// Finds and runs the shared Kyverno conformance cases (test support, not a test).
final class ConformanceCases {

    /// A fixed clock: the corpus has no time-dependent case, and tests must not depend on today.
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    private ConformanceCases() {
    }

    static Path corpus() {
        String shared = System.getProperty("waiver.shared");
        Path base = shared != null ? Path.of(shared) : Path.of("..", "shared");
        Path dir = base.resolve("conformance").resolve("kyverno");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Kyverno conformance corpus not found at " + dir.toAbsolutePath()
                    + " (set -Dwaiver.shared=/path/to/shared)");
        }
        return dir;
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(corpus())) {
            return s.filter(p -> Files.isRegularFile(p.resolve("kyverno-test.yaml"))).sorted().toList();
        }
    }

    static List<KyvernoTestRunner.Check> run(Path caseDir) {
        var testDocs = YamlDocuments.readFile(caseDir.resolve("kyverno-test.yaml"));
        if (!testDocs.problems().isEmpty()) {
            throw new IllegalStateException(testDocs.problems().toString());
        }
        KyvernoTestSpec spec = KyvernoTestSpec.of(testDocs.documents().get(0).tree());
        return KyvernoTestRunner.run(spec, reference -> load(caseDir.resolve(reference)), CLOCK);
    }

    static List<Map<String, Object>> load(Path path) {
        var out = new ArrayList<Map<String, Object>>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                    out.addAll(load(p));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }
        var result = YamlDocuments.readFile(path);
        if (!result.problems().isEmpty()) {
            throw new IllegalStateException(result.problems().toString());
        }
        result.documents().forEach(d -> out.add(d.tree()));
        return out;
    }
}
