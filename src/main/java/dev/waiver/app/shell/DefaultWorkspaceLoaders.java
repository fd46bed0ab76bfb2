package dev.waiver.app.shell;

import dev.waiver.app.workspace.DemoWorkspace;
import dev.waiver.app.workspace.FolderWorkspace;
import dev.waiver.app.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.time.Clock;

/// The window's workspaces: a folder of YAML, and the demo shipped in the jar.
public final class DefaultWorkspaceLoaders implements WorkspaceLoaders {

    @Override
    public WorkspaceLoader folder(Path folder) {
        return FolderWorkspace.loader(folder);
    }

    @Override
    public WorkspaceLoader demo(Clock clock) {
        return DemoWorkspace.loader(clock);
    }
}
