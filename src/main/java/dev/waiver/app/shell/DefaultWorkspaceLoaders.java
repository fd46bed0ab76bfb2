package dev.waiver.app.shell;

import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.LoadResult;
import dev.waiver.app.workspace.SourcedDocument;
import dev.waiver.app.workspace.WorkspaceAssembler;
import dev.waiver.app.workspace.WorkspaceLoader;
import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.engine.exemption.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/// Placeholder loaders until the workspace package provides the real folder and demo sources:
/// a folder is every `*.yaml`/`*.yml` under it; the demo is empty.
public final class DefaultWorkspaceLoaders implements WorkspaceLoaders {

    @Override
    public WorkspaceLoader folder(Path folder) {
        return () -> {
            var docs = new ArrayList<SourcedDocument>();
            var problems = new ArrayList<LoadProblem>();
            for (Path file : yamlFiles(folder)) {
                LoadResult one = YamlDocuments.readFile(file);
                docs.addAll(one.documents());
                problems.addAll(one.problems());
            }
            Path name = folder.getFileName();
            return WorkspaceAssembler.assemble(name == null ? folder.toString() : name.toString(),
                    Source.folder(folder.toString()), new LoadResult(docs, problems));
        };
    }

    @Override
    public WorkspaceLoader demo(Clock clock) {
        return () -> WorkspaceAssembler.assemble("Demo", Source.demo(), new LoadResult(List.of(), List.of()));
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".yaml") || n.endsWith(".yml");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
