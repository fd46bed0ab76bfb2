package dev.waiver.app.shell;

import dev.waiver.app.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.time.Clock;

/// Makes the loaders for the workspaces the window can open. A factory, so the shell does not depend on
/// how folders and the demo are read (and tests can point it at fixtures).
public interface WorkspaceLoaders {

    WorkspaceLoader folder(Path folder);

    /// The built-in demo; the clock lets its dates sit relative to "now" (or a fixed `--now`).
    WorkspaceLoader demo(Clock clock);
}
