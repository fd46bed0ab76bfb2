package dev.waiver.app.cluster;

import dev.waiver.engine.tree.Trees;
import java.util.Map;
import java.util.Optional;

/// Which object a write is about, read from the object itself.
record ObjectRef(ExemptionKind kind, String namespace, String name) {

    /// Empty when the object lacks its `apiVersion`, `kind`, `metadata.namespace` or `metadata.name`.
    static Optional<ObjectRef> of(Map<String, Object> object) {
        String apiVersion = text(object, "apiVersion");
        String kind = text(object, "kind");
        String namespace = text(object, "metadata", "namespace");
        String name = text(object, "metadata", "name");
        if (apiVersion.isEmpty() || kind.isEmpty() || namespace.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ObjectRef(ExemptionKind.of(apiVersion, kind), namespace, name));
    }

    /// `PolicyException delta/allow-debug`, for messages.
    String label() {
        return kind.kind() + " " + namespace + "/" + name;
    }

    String path() {
        return kind.objectPath(namespace, name);
    }

    static String text(Map<String, Object> object, String... path) {
        return Trees.at(object, path).map(Object::toString).map(String::strip).orElse("");
    }
}
