package dev.waiver.engine.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Typed reads from the plain Java trees (`Map`, `List`, scalars) that YAML documents are loaded into.
/// Kubernetes objects are loosely typed: a field can be absent, null or of an unexpected type, and every
/// reader here treats all three the same way (empty), so a hostile document can never throw from the engine.
public final class Trees {

    private Trees() {
    }

    /// The value at a dotted path of map keys, e.g. `metadata.annotations`.
    public static Optional<Object> at(Object tree, String... path) {
        Object current = tree;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object tree, String... path) {
        return at(tree, path).filter(Map.class::isInstance).map(v -> (Map<String, Object>) v).orElse(Map.of());
    }

    public static List<Object> list(Object tree, String... path) {
        return at(tree, path).filter(List.class::isInstance).map(v -> (List<Object>) v).orElse(List.of());
    }

    /// A list of maps, skipping entries that are not maps.
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Object tree, String... path) {
        var result = new ArrayList<Map<String, Object>>();
        for (Object item : list(tree, path)) {
            if (item instanceof Map<?, ?> map) {
                result.add((Map<String, Object>) map);
            }
        }
        return result;
    }

    /// A list of strings; scalars are converted to their text, other entries skipped.
    public static List<String> strings(Object tree, String... path) {
        var result = new ArrayList<String>();
        for (Object item : list(tree, path)) {
            if (item instanceof String || item instanceof Number || item instanceof Boolean) {
                result.add(String.valueOf(item));
            }
        }
        return result;
    }

    /// A scalar as text; blank text counts as absent.
    public static Optional<String> string(Object tree, String... path) {
        return at(tree, path)
                .filter(v -> v instanceof String || v instanceof Number || v instanceof Boolean)
                .map(String::valueOf)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /// String-to-string view of a map such as labels or annotations; non-scalar values are skipped.
    public static Map<String, String> stringMap(Object tree, String... path) {
        var result = new java.util.LinkedHashMap<String, String>();
        map(tree, path).forEach((k, v) -> {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                result.put(k, String.valueOf(v));
            }
        });
        return result;
    }
}
