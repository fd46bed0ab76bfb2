package dev.waiver.app.workspace;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/// Writes plain trees (as [YamlDocuments] reads them) back to block-style YAML, the way `kubectl`
/// shows objects: keys in their order, lists not indented under their key, multi-line strings as
/// `|` blocks, long strings on one line (no folding, so diffs stay readable).
///
/// Reading the output gives an equal tree: a string that a YAML reader would take for another type
/// (`"true"`, `"1.0"`, `"2024-01-01"`, `"null"`, `""`, also YAML 1.1 forms like `"yes"` that
/// Kubernetes still reads as booleans) is quoted. Numbers come back in the smallest type that holds
/// them (a `Long` 5 re-reads as an `Integer`), as everywhere in the trees.
public final class YamlWriter {

    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                    .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                    .disable(YAMLWriteFeature.SPLIT_LINES)
                    .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
                    .stringQuotingChecker(new TypedLookingQuoting())
                    .build())
            .build();

    private YamlWriter() {
    }

    /// One document, without a `---` header.
    public static String write(Map<String, Object> tree) {
        return MAPPER.writeValueAsString(tree);
    }

    /// One document that is a sequence of maps (a list of results, say), without a `---` header.
    public static String writeList(List<? extends Map<String, Object>> items) {
        return MAPPER.writeValueAsString(items);
    }

    /// Several documents separated by `---` lines; an empty list gives an empty string.
    public static String writeAll(List<Map<String, Object>> trees) {
        return trees.stream().map(YamlWriter::write).collect(Collectors.joining("---\n"));
    }
}
