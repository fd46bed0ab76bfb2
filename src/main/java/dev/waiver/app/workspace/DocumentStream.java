package dev.waiver.app.workspace;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/// Reads the documents of one file's text, expands `kind: List`, and survives broken documents.
///
/// A broken document does not cost the file: documents before it are kept, the problem is reported
/// once, and reading resumes at the next `---` line after the problem. That is safe because YAML
/// forbids a `---` at the start of a line inside a document (even inside block scalars), so such a
/// line always starts a fresh document. A file that breaks [YamlLimits#maxDocumentsPerFile] or
/// [YamlLimits#maxProblemsPerFile] keeps what was read and skips the rest.
final class DocumentStream {

    /// snakeyaml-engine copies its whole read window each time it refills a buffer, so one long
    /// token costs (length² / buffer) copies: a single 8 MiB line took 15 s with the default 1 KiB
    /// buffer. A buffer as large as the text, up to 1 MiB, makes that a handful of copies.
    private static final int MAX_BUFFER = 1024 * 1024;

    private final String file;
    private final String text;
    private final YamlLimits limits;
    private final EventYamlFactory factory;
    private final List<SourcedDocument> documents = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();
    private int count;

    private DocumentStream(String file, String text, YamlLimits limits) {
        this.file = file;
        this.text = text;
        this.limits = limits;
        this.factory = factory(limits, text.length());
    }

    static LoadResult read(String file, String text, YamlLimits limits) {
        var stream = new DocumentStream(file, text, limits);
        stream.readAll();
        return new LoadResult(stream.documents, stream.problems);
    }

    /// The YAML 1.2 core schema, the closest Jackson offers to Kubernetes' YAML 1.1 reader: `True`,
    /// `~`, `0x1F` are typed alike; `yes`/`on` stay strings here (the writer quotes them); timestamps
    /// stay strings; an empty value is null but a quoted `''` stays an empty string.
    private static EventYamlFactory factory(YamlLimits limits, int textLength) {
        int maxChars = (int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes());
        return new EventYamlFactory(YAMLFactory.builder()
                // despite its name this only turns an empty *plain* value into null; `''` stays ""
                .enable(YAMLReadFeature.EMPTY_STRING_AS_NULL)
                .disable(YAMLReadFeature.EMPTY_DOCUMENT_AS_EMPTY_OBJECT)
                // TreeReader reports duplicate keys itself (with a better message), so neither
                // Jackson nor snakeyaml-engine (allowDuplicateKeys below) should
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // our own depth check (in TreeReader) reports the line; Jackson's is the backstop
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1).maxDocumentLength(maxChars).build())
                // Jackson ignores yamlSchema(..) once it is given LoadSettings: the schema goes here
                .loadSettings(LoadSettings.builder().setSchema(new CoreSchema())
                        .setCodePointLimit(maxChars).setAllowDuplicateKeys(true)
                        .setBufferSize(Math.clamp(textLength + 1L, 1024, MAX_BUFFER)).build()));
    }

    private void readAll() {
        var cursor = new LineCursor(text);
        while (readFrom(cursor)) {
            // each pass resumes after a broken document
        }
    }

    /// Reads documents from the cursor to the end of the text or to the first broken document.
    ///
    /// @return true when the cursor has moved past a broken document and reading should resume
    private boolean readFrom(LineCursor cursor) {
        int startLine = cursor.line();
        var reader = new StringReader(text);
        skip(reader, cursor.offset());
        try (var parser = factory.eventParser(reader)) {
            var trees = new TreeReader(parser, limits, startLine - 1);
            try {
                while (parser.nextToken() != null) {
                    int line = trees.line();
                    var itemLines = new ArrayList<Integer>();
                    if (!add(line, trees.readDocument(itemLines), itemLines)) {
                        return false;
                    }
                }
                return false;
            } catch (BadDocumentException | JacksonException | YamlEngineException e) {
                var problem = ProblemText.describe(file, e, Math.max(startLine, trees.line()), startLine - 1);
                if (!report(problem)) {
                    return false;
                }
                cursor.advanceToDocumentStart(Math.max(problem.line(), startLine + 1));
                return cursor.hasMore();
            }
        }
    }

    /// @return false when the file holds more documents than allowed
    private boolean add(int line, Object tree, List<Integer> itemLines) {
        if (!(tree instanceof Map<?, ?> map)) {
            return countOne(line); // empty documents (null) and bare scalars or lists are no objects
        }
        @SuppressWarnings("unchecked")
        var object = (Map<String, Object>) map;
        if (isList(object)) {
            var items = (List<?>) object.get("items");
            for (int i = 0; i < items.size(); i++) {
                // items that came from an alias or merge have no line of their own
                int itemLine = itemLines.size() == items.size() ? itemLines.get(i) : line;
                if (!countOne(itemLine)) {
                    return false;
                }
                if (items.get(i) instanceof Map<?, ?> item) {
                    @SuppressWarnings("unchecked")
                    var itemTree = (Map<String, Object>) item;
                    documents.add(new SourcedDocument(file, itemLine, itemTree));
                }
            }
            return true;
        }
        if (!countOne(line)) {
            return false;
        }
        documents.add(new SourcedDocument(file, line, object));
        return true;
    }

    /// `kubectl get … -o yaml` wraps several objects in `kind: List` (apiVersion `v1` in practice).
    private static boolean isList(Map<String, Object> object) {
        return "List".equals(object.get("kind")) && object.get("items") instanceof List<?>;
    }

    private boolean countOne(int line) {
        if (++count > limits.maxDocumentsPerFile()) {
            problems.add(new LoadProblem(file, line, "more than " + limits.maxDocumentsPerFile()
                    + " documents in one file; the rest of the file is skipped"));
            return false;
        }
        return true;
    }

    /// @return false when the file has had too many problems to go on
    private boolean report(LoadProblem problem) {
        // resuming on the `---` line that failed would report the same failure again
        if (!problems.isEmpty() && problems.getLast().equals(problem)) {
            return true;
        }
        if (problems.size() >= limits.maxProblemsPerFile()) {
            problems.add(new LoadProblem(file, problem.line(), "more than " + limits.maxProblemsPerFile()
                    + " problems in one file; the rest of the file is skipped"));
            return false;
        }
        problems.add(problem);
        return true;
    }

    private static void skip(StringReader reader, int chars) {
        try {
            reader.skip(chars);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader that is open does not fail
        }
    }
}
