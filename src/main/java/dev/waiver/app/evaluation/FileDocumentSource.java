package dev.waiver.app.evaluation;

import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.engine.evaluation.KyvernoTestRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/// Reads the files a `kyverno-test.yaml` names, relative to its folder, so the engine's test runner
/// stays free of I/O. A bad or missing file does not throw: its problem is collected and the caller
/// reports it (exit 2) instead of the misleading results an incomplete case would give.
public final class FileDocumentSource implements KyvernoTestRunner.DocumentSource {

    private final Path base;
    private final List<LoadProblem> problems = new ArrayList<>();

    public FileDocumentSource(Path base) {
        this.base = base;
    }

    @Override
    public List<Map<String, Object>> documents(String reference) {
        return load(base.resolve(reference));
    }

    /// Every problem met so far, as `file:line: message`.
    public List<LoadProblem> problems() {
        return List.copyOf(problems);
    }

    /// A folder is read one level deep, its `.yaml` / `.yml` files sorted, as Kyverno reads a folder
    /// reference; a file is read whatever its extension.
    private List<Map<String, Object>> load(Path path) {
        var out = new ArrayList<Map<String, Object>>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                for (Path p : s.filter(FileDocumentSource::isYaml).sorted().toList()) {
                    out.addAll(load(p));
                }
            } catch (IOException e) {
                problems.add(new LoadProblem(path.toString(), 0, "cannot list folder: " + e.getMessage()));
            }
            return out;
        }
        var result = YamlDocuments.readFile(path);
        problems.addAll(result.problems());
        result.documents().forEach(d -> out.add(d.tree()));
        return out;
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }
}
