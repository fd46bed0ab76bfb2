package dev.waiver.engine.tree;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/// Two versions of a document (the plain trees YAML and JSON are read into) laid side by side, field by
/// field: every leaf of either, at a path a reviewer can read (`spec.exceptions[0].ruleNames[1]`,
/// `metadata.annotations["waiver.dev/approved-by"]`), with what each side holds there and how they differ.
///
/// Unchanged fields are kept, so a view can show the whole of both documents with the differences marked.
/// Maps are compared key by key, lists position by position (an item past the shorter list's end is added or
/// removed); a field that is a map on one side and a scalar on the other is the one removed and the other
/// added, and a map or list that was empty simply gains its items. A null value counts as absent, and equal
/// numbers are equal whatever their type (YAML reads `1` as an Integer where JSON may give a Long). An empty
/// map or list that stays empty is a leaf, shown as `{}` or `[]`.
public final class TreeDiff {

    /// How a field differs from one version to the next.
    public enum Change { SAME, ADDED, REMOVED, CHANGED }

    /// One leaf: its path, and its value as text on each side (empty where that side does not have it).
    public record Field(String path, Change change, Optional<String> before, Optional<String> after) {
        public Field {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        public boolean changed() {
            return change != Change.SAME;
        }
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private TreeDiff() {
    }

    /// Every field of the two, in document order: `before`'s fields, with those only `after` has placed after
    /// their siblings. Either side may be null (no document): then every field of the other is added or removed.
    public static List<Field> between(Object before, Object after) {
        var fields = new ArrayList<Field>();
        compare("", before, after, fields);
        return fields;
    }

    /// Only the fields that differ.
    public static List<Field> changes(Object before, Object after) {
        return between(before, after).stream().filter(Field::changed).toList();
    }

    private static void compare(String path, Object before, Object after, List<Field> out) {
        if (before == null && after == null) {
            return;
        }
        if (before == null) {
            leaves(path, after, Change.ADDED, out);
        } else if (after == null) {
            leaves(path, before, Change.REMOVED, out);
        } else if (before instanceof Map<?, ?> a && !a.isEmpty() && after instanceof Map<?, ?> b && !b.isEmpty()) {
            var keys = new LinkedHashSet<Object>(a.keySet());
            keys.addAll(b.keySet());
            for (Object key : keys) {
                compare(childPath(path, String.valueOf(key)), a.get(key), b.get(key), out);
            }
        } else if (before instanceof List<?> a && !a.isEmpty() && after instanceof List<?> b && !b.isEmpty()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                compare(path + "[" + i + "]", i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null, out);
            }
        } else if (isLeaf(before) && isLeaf(after)) {
            boolean same = sameValue(before, after);
            String a = text(before);
            String b = text(after);
            if (!same && a.equals(b)) {
                // `true` became the string "true": say which is which.
                a = typed(before);
                b = typed(after);
            }
            out.add(new Field(path, same ? Change.SAME : Change.CHANGED, Optional.of(a), Optional.of(b)));
        } else if (isEmptyContainer(before) && sameKind(before, after)) {
            leaves(path, after, Change.ADDED, out);
        } else if (isEmptyContainer(after) && sameKind(before, after)) {
            leaves(path, before, Change.REMOVED, out);
        } else {
            // A map on one side and a list or a scalar on the other: nothing to pair up.
            leaves(path, before, Change.REMOVED, out);
            leaves(path, after, Change.ADDED, out);
        }
    }

    /// Every leaf under `value`, all on one side.
    private static void leaves(String path, Object value, Change change, List<Field> out) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, child) -> leaves(childPath(path, String.valueOf(key)), child, change, out));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                leaves(path + "[" + i + "]", list.get(i), change, out);
            }
        } else {
            var text = Optional.of(text(value));
            out.add(change == Change.ADDED ? new Field(path, change, Optional.empty(), text)
                    : new Field(path, change, text, Optional.empty()));
        }
    }

    private static boolean isEmptyContainer(Object value) {
        return value instanceof Map<?, ?> m ? m.isEmpty() : value instanceof List<?> l && l.isEmpty();
    }

    private static boolean sameKind(Object a, Object b) {
        return a instanceof Map && b instanceof Map || a instanceof List && b instanceof List;
    }

    /// A scalar, or an empty map or list.
    private static boolean isLeaf(Object value) {
        return value instanceof Map<?, ?> m ? m.isEmpty() : !(value instanceof List<?> l) || l.isEmpty();
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        return String.valueOf(value);
    }

    private static String typed(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : text(value);
    }

    /// Equal scalars, numbers by value: YAML reads `1` as an Integer where JSON from a server may give a Long,
    /// and `1` and `1.0` are the same number.
    public static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            try {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            } catch (NumberFormatException notFinite) {
                return x.toString().equals(y.toString());
            }
        }
        return Objects.equals(a, b);
    }

    /// The path of `key` under `path`: `metadata.name`, or `annotations["waiver.dev/reason"]` for a key
    /// that is not a plain name.
    public static String childPath(String path, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
}
