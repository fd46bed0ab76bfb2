package dev.waiver.app.workspace;

/// Loads a workspace; may do I/O, so callers run it off the FX thread.
@FunctionalInterface
public interface WorkspaceLoader {
    Workspace load();
}
