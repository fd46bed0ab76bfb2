package dev.waiver.app.cluster;

import dev.waiver.app.cluster.FieldChange.Change;
import dev.waiver.engine.tree.TreeDiff;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Field-level differences between two versions of one object, for conflict messages.
///
/// Fields the API server maintains on every write (`resourceVersion`, `generation`, `managedFields`,
/// `creationTimestamp`) and `status` are left out: they change without anyone having changed the
/// exception, and listing them would bury the change that matters. `uid` is kept: a changed uid means
/// the object was deleted and re-created.
final class ObjectChanges {

    private static final Set<String> SERVER_MAINTAINED =
            Set.of("resourceVersion", "generation", "managedFields", "creationTimestamp");

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
            String childPath = TreeDiff.childPath(path, name);
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
        } else if (!TreeDiff.sameValue(before, after)) {
            changes.add(new FieldChange(path, Change.CHANGED));
        }
    }

    private static boolean isIgnored(String parentPath, String key) {
        return (parentPath.equals("metadata") && SERVER_MAINTAINED.contains(key))
                || (parentPath.isEmpty() && key.equals("status"));
    }
}
