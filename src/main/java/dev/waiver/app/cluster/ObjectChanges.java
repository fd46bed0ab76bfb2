package dev.waiver.app.cluster;

import dev.waiver.app.cluster.FieldChange.Change;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/// Field-level differences between two versions of one object, for conflict messages.
///
/// Fields the API server maintains on every write (`resourceVersion`, `generation`, `managedFields`,
/// `creationTimestamp`) and `status` are left out: they change without anyone having changed the
/// exception, and listing them would bury the change that matters. `uid` is kept: a changed uid means
/// the object was deleted and re-created.
final class ObjectChanges {

    private static final Set<String> SERVER_MAINTAINED =
            Set.of("resourceVersion", "generation", "managedFields", "creationTimestamp");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private ObjectChanges() {
    }

    /// What changed from `before` to `after`, in the order of the fields.
    static List<FieldChange> between(Map<String, Object> before, Map<String, Object> after) {
        var changes = new ArrayList<FieldChange>();
        compareMaps("", before, after, changes);
        return changes;
    }

    /// True when the two hold the same exception, whatever their versions and uids (an object about
    /// to be created has no uid yet).
    static boolean sameContent(Map<String, Object> a, Map<String, Object> b) {
        return between(a, b).stream().allMatch(change -> change.path().equals("metadata.uid"));
    }

    private static void compareMaps(String path, Map<?, ?> before, Map<?, ?> after,
                                    List<FieldChange> changes) {
        var keys = new LinkedHashSet<Object>(before.keySet());
        keys.addAll(after.keySet());
        for (Object key : keys) {
            String name = String.valueOf(key);
            if (isIgnored(path, name)) {
                continue;
            }
            String childPath = child(path, name);
            boolean inBefore = before.containsKey(key) && before.get(key) != null;
            boolean inAfter = after.containsKey(key) && after.get(key) != null;
            if (inBefore && !inAfter) {
                removedOrAdded(childPath, before.get(key), true, changes);
            } else if (!inBefore && inAfter) {
                removedOrAdded(childPath, after.get(key), false, changes);
            } else if (inBefore) {
                compare(childPath, before.get(key), after.get(key), changes);
            }
        }
    }

    /// A whole map that appeared or went is listed by its keys: "labels.team added" says more than
    /// "labels added".
    private static void removedOrAdded(String path, Object value, boolean removed, List<FieldChange> changes) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            compareMaps(path, removed ? map : Map.of(), removed ? Map.of() : map, changes);
        } else {
            changes.add(new FieldChange(path, removed ? Change.REMOVED : Change.ADDED));
        }
    }

    private static void compare(String path, Object before, Object after, List<FieldChange> changes) {
        if (before instanceof Map<?, ?> a && after instanceof Map<?, ?> b) {
            compareMaps(path, a, b, changes);
        } else if (before instanceof List<?> a && after instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), changes);
            }
        } else if (!sameScalar(before, after)) {
            changes.add(new FieldChange(path, Change.CHANGED));
        }
    }

    /// YAML read `1` as an Integer where JSON from the server may give a Long: equal numbers are equal.
    private static boolean sameScalar(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            try {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            } catch (NumberFormatException notFinite) {
                return x.toString().equals(y.toString());
            }
        }
        return Objects.equals(a, b);
    }

    private static boolean isIgnored(String parentPath, String key) {
        return (parentPath.equals("metadata") && SERVER_MAINTAINED.contains(key))
                || (parentPath.isEmpty() && key.equals("status"));
    }

    private static String child(String path, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[\"" + key.replace("\"", "\\\"") + "\"]";
    }
}
