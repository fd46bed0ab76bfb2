package dev.waiver.app.workspace;

import dev.waiver.engine.exemption.Source;
import java.nio.file.Path;
import java.util.List;

/// A folder of YAML (a GitOps repository, or `kubectl get … -o yaml` saved to files), read recursively.
public final class FolderWorkspace {

    private FolderWorkspace() {
    }

    public static WorkspaceLoader loader(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        return () -> WorkspaceAssembler.assemble(absolute.getFileName() == null ? absolute.toString()
                : absolute.getFileName().toString(), Source.folder(absolute.toString()),
                YamlDocuments.readPaths(List.of(absolute)));
    }
}
