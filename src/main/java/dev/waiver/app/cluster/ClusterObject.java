package dev.waiver.app.cluster;

import dev.waiver.engine.tree.FrozenTree;
import dev.waiver.engine.tree.Trees;
import java.util.Map;

/// One object as the server returned it (`metadata.managedFields` dropped), with the fields that identify
/// it. The object is kept frozen: a context's state holds every exception and policy it watches, and the
/// register's exceptions share these copies.
public record ClusterObject(String kind, String apiVersion, String namespace, String name, String resourceVersion,
                            FrozenTree document) {

    public static ClusterObject of(Map<String, Object> tree) {
        return new ClusterObject(Trees.string(tree, "kind").orElse(""), Trees.string(tree, "apiVersion").orElse(""),
                Trees.string(tree, "metadata", "namespace").orElse(""), Trees.string(tree, "metadata", "name").orElse(""),
                Trees.string(tree, "metadata", "resourceVersion").orElse(""), FrozenTree.of(tree));
    }

    /// The object as a new plain tree, which the caller may change.
    public Map<String, Object> tree() {
        return document.thaw();
    }

    /// `Kind namespace/name`: unique within one context and one version of a kind.
    public String key() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
