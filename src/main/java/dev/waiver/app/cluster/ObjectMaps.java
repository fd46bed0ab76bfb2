package dev.waiver.app.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Copies of the plain object trees the app reads YAML into, so a write never changes the caller's
/// object (the register may still be showing it).
final class ObjectMaps {

    private ObjectMaps() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> tree) {
        return (Map<String, Object>) copyValue(tree);
    }

    /// The object's `metadata`, created if missing; only for copies made here.
    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> copy) {
        return (Map<String, Object>) copy.computeIfAbsent("metadata", key -> new LinkedHashMap<String, Object>());
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), copyValue(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>(list.size());
            list.forEach(item -> copy.add(copyValue(item)));
            return copy;
        }
        return value;
    }
}
