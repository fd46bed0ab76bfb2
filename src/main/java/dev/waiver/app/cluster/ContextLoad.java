package dev.waiver.app.cluster;

import dev.waiver.app.workspace.Workspace;

/// How one context's load went: read live, served from its snapshot, or neither.
public sealed interface ContextLoad {

    String context();

    /// Read from the server now. `read` carries the list versions a [ClusterWatch] continues from.
    record Live(ClusterRead read, Workspace workspace) implements ContextLoad {
        @Override
        public String context() {
            return read.context();
        }
    }

    /// The server could not be read (`reason`); the workspace is the last full sync, marked offline.
    record FromSnapshot(ClusterRead snapshot, Workspace workspace, String reason) implements ContextLoad {
        @Override
        public String context() {
            return snapshot.context();
        }
    }

    /// Neither the server nor a snapshot.
    record Failed(String context, String reason) implements ContextLoad {
    }
}
