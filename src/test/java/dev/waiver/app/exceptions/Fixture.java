package dev.waiver.app.exceptions;

import dev.waiver.app.cluster.ClusterWorkspaces;
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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
        return () -> WorkspaceAssembler.assemble("fixture", Source.folder(folder().toString()), read(f -> true));
    }

    /// The folder as two kubeconfig contexts merged into one register, the way the window merges them:
    /// `prod` holds every file, `staging` only `monitoring.yaml` (and the policies), so 9 + 2 exceptions.
    public static WorkspaceLoader twoContexts() {
        return () -> ClusterWorkspaces.merge(List.of(
                WorkspaceAssembler.assemble("prod", Source.context("prod"), read(f -> true)),
                WorkspaceAssembler.assemble("staging", Source.context("staging"),
                        read(f -> f.endsWith("monitoring.yaml") || f.endsWith("policies.yaml")))));
    }

    private static LoadResult read(Predicate<Path> files) {
        var docs = new ArrayList<SourcedDocument>();
        var problems = new ArrayList<LoadProblem>();
        try (Stream<Path> all = Files.list(folder())) {
            all.sorted().filter(files).forEach(f -> {
                var one = YamlDocuments.readFile(f);
                docs.addAll(one.documents());
                problems.addAll(one.problems());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LoadResult(docs, problems);
    }

    /// Renders a document as its `toString`, enough to tell which object is shown.
    public static final YamlRenderer PLAIN_YAML = (Map<String, Object> doc) -> "yaml:" + doc.get("metadata");
}
