package dev.waiver.app.workspace;

import dev.waiver.engine.exemption.Source;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/// A folder of YAML (a GitOps repository, or `kubectl get … -o yaml` saved to files), read recursively.
/// A file works too.
public final class FolderWorkspace {

    private FolderWorkspace() {
    }

    /// The loader fails as a whole only when the folder itself is gone; broken files inside it are
    /// reported as the workspace's problems while the rest loads.
    public static WorkspaceLoader loader(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        return () -> {
            if (!Files.exists(absolute)) {
                throw new UncheckedIOException("cannot read folder " + absolute + ": it does not exist",
                        new NoSuchFileException(absolute.toString()));
            }
            Path name = absolute.getFileName();
            var assembler = new WorkspaceAssembler(Source.folder(absolute.toString()));
            YamlDocuments.readPaths(List.of(absolute), YamlLimits.DEFAULTS, assembler::add);
            return assembler.build(name == null ? absolute.toString() : name.toString());
        };
    }
}
