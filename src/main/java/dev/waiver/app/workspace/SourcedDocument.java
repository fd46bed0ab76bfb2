package dev.waiver.app.workspace;

import java.util.Map;

/// One YAML document as a plain Java tree, with the file and line it starts on.
public record SourcedDocument(String file, int line, Map<String, Object> tree) {
}
