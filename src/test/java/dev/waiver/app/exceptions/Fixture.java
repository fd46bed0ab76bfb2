package dev.waiver.app.exceptions;

import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.LoadResult;
import dev.waiver.app.workspace.SourcedDocument;
import dev.waiver.app.workspace.WorkspaceAssembler;
import dev.waiver.app.workspace.WorkspaceLoader;
import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.engine.exemption.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Stream;

/// The fixture folder (9 PolicyExceptions over 6 statuses, 2 ClusterPolicies with categories, one
/// malformed file) and the fixed clock its dates are written against.
public final class Fixture {

    public static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final int EXCEPTIONS = 9;

    private Fixture() {
    }

    public static Path folder() {
        try {
            return Path.of(Fixture.class.getResource("fixture").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /// Reads the folder the simplest way, independent of the shell's loaders.
    public static WorkspaceLoader loader() {
        return () -> {
            var docs = new ArrayList<SourcedDocument>();
            var problems = new ArrayList<LoadProblem>();
            try (Stream<Path> files = Files.list(folder())) {
                files.sorted().forEach(f -> {
                    var one = YamlDocuments.readFile(f);
                    docs.addAll(one.documents());
                    problems.addAll(one.problems());
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return WorkspaceAssembler.assemble("fixture", Source.folder(folder().toString()), new LoadResult(docs, problems));
        };
    }

    /// Renders a document as its `toString`, enough to tell which object is shown.
    public static final YamlRenderer PLAIN_YAML = (Map<String, Object> doc) -> "yaml:" + doc.get("metadata");
}
