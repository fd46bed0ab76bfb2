package dev.waiver.app.cluster;

import dev.waiver.engine.tree.Trees;
import java.util.Map;

/// One object as the server returned it (a plain tree, `metadata.managedFields` dropped), with the
/// fields that identify it.
public record ClusterObject(String kind, String apiVersion, String namespace, String name, String resourceVersion,
                            Map<String, Object> tree) {

    public static ClusterObject of(Map<String, Object> tree) {
        return new ClusterObject(Trees.string(tree, "kind").orElse(""), Trees.string(tree, "apiVersion").orElse(""),
                Trees.string(tree, "metadata", "namespace").orElse(""), Trees.string(tree, "metadata", "name").orElse(""),
                Trees.string(tree, "metadata", "resourceVersion").orElse(""), tree);
    }

    /// `Kind namespace/name`: unique within one context and one version of a kind.
    public String key() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
