package dev.waiver.engine.evaluation;

/// Identifies a resource in results: kind, namespace (empty for cluster-scoped) and name.
public record ResourceRef(String apiVersion, String kind, String namespace, String name) {

    /// `namespace/name`, or `name` for cluster-scoped resources.
    public String key() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
