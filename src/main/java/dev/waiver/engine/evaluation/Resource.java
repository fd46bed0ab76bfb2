package dev.waiver.engine.evaluation;

import java.util.Map;

/// A resource prepared once for evaluation: its normalized tree and the fields match filters read.
record Resource(Map<String, Object> tree, String apiVersion, String group, String version, String kind,
                String name, String namespace, Map<String, Object> labels, Map<String, Object> annotations) {

    static Resource of(Map<String, Object> raw) {
        @SuppressWarnings("unchecked")
        var tree = (Map<String, Object>) Trees.normalize(raw);
        String apiVersion = Trees.string(tree, "apiVersion").orElse("");
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        String kind = Trees.string(tree, "kind").orElse("");
        String name = Trees.string(tree, "metadata", "name").filter(s -> !s.isEmpty())
                .or(() -> Trees.string(tree, "metadata", "generateName")).orElse("");
        String namespace = Trees.string(tree, "metadata", "namespace").orElse("");
        return new Resource(tree, apiVersion, group, version, kind, name, namespace,
                Trees.asMap(Trees.get(tree, "metadata", "labels")), Trees.asMap(Trees.get(tree, "metadata", "annotations")));
    }

    ResourceRef ref() {
        return new ResourceRef(apiVersion, kind, namespace, name);
    }

    /// The namespace that `namespaces` filters compare with: a Namespace object's own name.
    String filterNamespace() {
        return kind.equals("Namespace") ? name : namespace;
    }
}
