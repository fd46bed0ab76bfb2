package dev.waiver.app.workspace;

import dev.waiver.engine.tree.FrozenTree;
import java.util.Map;

/// One YAML document as a plain Java tree, with the file and line it starts on.
///
/// `frozen` is the compact copy the tree was thawed from, when it was kept frozen (a cluster's objects
/// are), so an exception built from it shares that copy instead of freezing the tree again; else null.
public record SourcedDocument(String file, int line, Map<String, Object> tree, FrozenTree frozen) {

    public SourcedDocument(String file, int line, Map<String, Object> tree) {
        this(file, line, tree, null);
    }

    /// The tree frozen: the copy it came from, or a new one.
    public FrozenTree freeze() {
        return frozen != null ? frozen : FrozenTree.of(tree);
    }
}
