package dev.waiver.engine.evaluation;

import dev.waiver.app.workspace.YamlDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/// YAML text → trees for tests, through the same reader the app uses.
final class Docs {

    private Docs() {
    }

    static List<Map<String, Object>> yaml(String text) {
        try {
            Path file = Files.createTempFile("waiver-test", ".yaml");
            try {
                Files.writeString(file, text);
                var result = YamlDocuments.readFile(file);
                if (!result.problems().isEmpty()) {
                    throw new IllegalArgumentException(result.problems().toString());
                }
                return result.documents().stream().map(d -> d.tree()).toList();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> one(String text) {
        return yaml(text).get(0);
    }
}
