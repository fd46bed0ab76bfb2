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

    /// The value at a path of map keys, e.g. `at(tree, "metadata", "annotations")`.
    public static Optional<Object> at(Object tree, String... path) {
        return Optional.ofNullable(walk(tree, path));
    }

    /// The value at a path of map keys, or null. Without `Optional`, because the evaluator calls it in
    /// its innermost loop.
    public static Object walk(Object tree, String... path) {
        Object current = tree;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object tree, String... path) {
        return walk(tree, path) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object tree, String... path) {
        return walk(tree, path) instanceof List<?> l ? (List<Object>) l : List.of();
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
