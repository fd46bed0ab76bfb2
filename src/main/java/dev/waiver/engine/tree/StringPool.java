package dev.waiver.engine.tree;

import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/// One copy of each equal string, for the duration of one load: a register repeats the same policy,
/// rule, kind, namespace and requestor names, and the same derived texts, on thousands of rows. At 10k
/// exceptions sharing them saves about 10 MB. Not thread-safe; one pool per load.
public final class StringPool {

    private final Map<String, String> pool = new HashMap<>();

    /// The pooled copy of `s` (itself the first time); null stays null.
    public String of(String s) {
        if (s == null) {
            return null;
        }
        String known = pool.putIfAbsent(s, s);
        return known != null ? known : s;
    }

    /// Replaces, in place, every string value in the tree (map values and list items, at any depth) by
    /// its pooled copy, so what is read from the tree afterwards shares them. Keys are left alone: a map
    /// cannot swap a key for an equal one, and readers keep values, not keys. An unmodifiable part of the
    /// tree is left as it is.
    public void shareValues(Object tree) {
        try {
            share(tree);
        } catch (UnsupportedOperationException unmodifiable) {
            // a tree built in code (Map.of, List.of) rather than parsed: nothing to gain
        }
    }

    private void share(Object tree) {
        switch (tree) {
            case Map<?, ?> map -> {
                @SuppressWarnings("unchecked")
                var values = (Map<Object, Object>) map;
                values.replaceAll((key, value) -> shared(value));
            }
            case List<?> list -> {
                @SuppressWarnings("unchecked")
                var items = (ListIterator<Object>) list.listIterator();
                while (items.hasNext()) {
                    items.set(shared(items.next()));
                }
            }
            case null, default -> {
            }
        }
    }

    private Object shared(Object value) {
        if (value instanceof String s) {
            return of(s);
        }
        share(value);
        return value;
    }
}
