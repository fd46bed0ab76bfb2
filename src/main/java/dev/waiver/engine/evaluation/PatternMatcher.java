package dev.waiver.engine.evaluation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Kyverno's overlay pattern check (§6.1): walks pattern and resource together and says pass,
/// fail (with the path of the first failure), skip (a conditional or global anchor did not hold)
/// or error (the "missing anchor key" oddity).
final class PatternMatcher {

    /// What went wrong below a node; null means the node matched.
    private record Mismatch(Cause cause, String path, String message) {
        boolean skips() {
            return cause == Cause.CONDITIONAL || cause == Cause.GLOBAL;
        }
    }

    private enum Cause { PLAIN, CONDITIONAL, GLOBAL, NEGATION }

    /// The outcome of a whole pattern.
    record Outcome(Kind kind, String path, String message) {
        enum Kind { PASS, FAIL, SKIP, ERROR }

        static final Outcome PASS = new Outcome(Kind.PASS, "", "");
    }

    /// Anchor keys seen in pattern maps and whether the resource ever had them.
    private final Map<String, Boolean> anchorSeen = new HashMap<>();

    private PatternMatcher() {
    }

    static Outcome match(Object resource, Object pattern) {
        var matcher = new PatternMatcher();
        Mismatch m = matcher.element(resource, pattern, "/");
        if (m == null) {
            return Outcome.PASS;
        }
        if (m.skips()) {
            return new Outcome(Outcome.Kind.SKIP, "", m.message());
        }
        if (m.cause() == Cause.NEGATION) {
            return new Outcome(Outcome.Kind.FAIL, m.path(), m.message());
        }
        if (matcher.anchorSeen.containsValue(false)) {
            return new Outcome(Outcome.Kind.ERROR, "", m.message());
        }
        return new Outcome(Outcome.Kind.FAIL, m.path(), m.message());
    }

    private Mismatch element(Object resource, Object pattern, String path) {
        if (pattern instanceof Map<?, ?> pm) {
            if (!(resource instanceof Map<?, ?> rm)) {
                return new Mismatch(Cause.PLAIN, path, "pattern and resource have different structures at path " + path);
            }
            @SuppressWarnings("unchecked")
            var patternMap = (Map<String, Object>) pm;
            @SuppressWarnings("unchecked")
            var resourceMap = (Map<String, Object>) rm;
            recordAnchors(patternMap, resourceMap);
            return map(resourceMap, patternMap, path);
        }
        if (pattern instanceof List<?> pl) {
            if (!(resource instanceof List<?> rl)) {
                return new Mismatch(Cause.PLAIN, path, "validation rule failed at path " + path
                        + ", resource does not satisfy the expected overlay pattern");
            }
            return array(rl, pl, path);
        }
        if (resource instanceof List<?> rl) {
            for (Object r : rl) {
                if (!ScalarPattern.validate(r, pattern)) {
                    return valueMismatch(resource, pattern, path);
                }
            }
            return null;
        }
        return ScalarPattern.validate(resource, pattern) ? null : valueMismatch(resource, pattern, path);
    }

    private static Mismatch valueMismatch(Object resource, Object pattern, String path) {
        return new Mismatch(Cause.PLAIN, path, "resource value '" + Trees.sprint(resource) + "' does not match '"
                + Trees.sprint(pattern) + "' at path " + path);
    }

    private void recordAnchors(Map<String, Object> pattern, Map<String, Object> resource) {
        for (String key : pattern.keySet()) {
            Optional<Anchor> a = Anchor.parse(key);
            if (a.isEmpty()) {
                continue;
            }
            Anchor.Kind kind = a.get().kind();
            if (kind == Anchor.Kind.CONDITIONAL || kind == Anchor.Kind.EXISTENCE || kind == Anchor.Kind.NEGATION) {
                if (!Boolean.TRUE.equals(anchorSeen.get(key))) {
                    anchorSeen.put(key, resource.containsKey(a.get().key()));
                }
            }
        }
    }

    private Mismatch map(Map<String, Object> resource, Map<String, Object> pattern, String path) {
        pattern = expandMetadataWildcards(pattern, resource);
        var anchors = new ArrayList<String>();
        var plain = new ArrayList<String>();
        for (String key : pattern.keySet()) {
            Optional<Anchor> a = Anchor.parse(key);
            if (a.isPresent() && a.get().kind() != Anchor.Kind.GLOBAL) {
                anchors.add(key);
            } else {
                plain.add(key);
            }
        }
        anchors.sort(null);
        int applied = 0;
        Mismatch firstSkip = null;
        for (String key : anchors) {
            Mismatch m = handle(key, pattern.get(key), resource, path);
            if (m != null) {
                if (m.skips()) {
                    if (firstSkip == null) {
                        firstSkip = m;
                    }
                    continue;
                }
                return m;
            }
            applied++;
        }
        if (applied == 0 && firstSkip != null) {
            return firstSkip;
        }
        for (String key : orderPlainKeys(plain, pattern)) {
            Mismatch m = handle(key, pattern.get(key), resource, path);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /// Global anchors first, then keys whose value holds anchors (maps), then the rest, in the
    /// order Kyverno's list building produces.
    private static List<String> orderPlainKeys(List<String> keys, Map<String, Object> pattern) {
        keys.sort(null);
        var deque = new ArrayDeque<String>(keys.size());
        for (String k : keys) {
            Optional<Anchor> a = Anchor.parse(k);
            if (a.isPresent() && a.get().kind() == Anchor.Kind.GLOBAL) {
                deque.addFirst(k);
            } else if (hasNestedAnchors(pattern.get(k))) {
                deque.addFirst(k);
            } else {
                deque.addLast(k);
            }
        }
        return new ArrayList<>(deque);
    }

    private static boolean hasNestedAnchors(Object pattern) {
        if (pattern instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                if (Anchor.parse(String.valueOf(e.getKey())).isPresent() || hasNestedAnchors(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (pattern instanceof List<?> l) {
            for (Object o : l) {
                if (hasNestedAnchors(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Mismatch handle(String key, Object pattern, Map<String, Object> resource, String path) {
        Optional<Anchor> parsed = Anchor.parse(key);
        if (parsed.isEmpty()) {
            String current = path + key + "/";
            Object value = resource.get(key);
            if ("*".equals(pattern)) {
                return value != null ? null : new Mismatch(Cause.PLAIN, path, path + "/" + key + " not found");
            }
            return element(value, pattern, current);
        }
        Anchor anchor = parsed.get();
        String field = anchor.key();
        String current = path + field + "/";
        boolean present = resource.containsKey(field);
        Object value = resource.get(field);
        switch (anchor.kind()) {
            case CONDITIONAL -> {
                if (!present) {
                    return new Mismatch(Cause.CONDITIONAL, current, "conditional anchor key doesn't exist in the resource");
                }
                Mismatch m = element(value, pattern, current);
                return m == null ? null : new Mismatch(Cause.CONDITIONAL, m.path(), "conditional anchor mismatch: " + m.message());
            }
            case GLOBAL -> {
                if (!present) {
                    return null;
                }
                Mismatch m = element(value, pattern, current);
                return m == null ? null : new Mismatch(Cause.GLOBAL, m.path(), "global anchor mismatch: " + m.message());
            }
            case EQUALITY -> {
                return present ? element(value, pattern, current) : null;
            }
            case NEGATION -> {
                return present ? new Mismatch(Cause.NEGATION, current, current + " is not allowed") : null;
            }
            case EXISTENCE -> {
                if (!present) {
                    return null;
                }
                if (!(value instanceof List<?> list)) {
                    return new Mismatch(Cause.PLAIN, current, "existence anchor ^() can be used only on a list");
                }
                if (!(pattern instanceof List<?> patterns)) {
                    return new Mismatch(Cause.PLAIN, current, "existence anchor pattern has to be a list");
                }
                for (Object p : patterns) {
                    if (!(p instanceof Map<?, ?>)) {
                        return new Mismatch(Cause.PLAIN, current, "existence anchor pattern has to be a list of maps");
                    }
                    boolean found = false;
                    for (int i = 0; i < list.size() && !found; i++) {
                        found = element(list.get(i), p, current + i + "/") == null;
                    }
                    if (!found) {
                        return new Mismatch(Cause.PLAIN, current, "existence anchor validation failed at path " + current);
                    }
                }
                return null;
            }
            default -> throw new IllegalStateException();
        }
    }

    private Mismatch array(List<?> resource, List<?> pattern, String path) {
        if (pattern.isEmpty()) {
            return new Mismatch(Cause.PLAIN, path, "pattern array empty");
        }
        Object first = pattern.get(0);
        if (first instanceof Map<?, ?>) {
            return eachElement(resource.size(), i -> element(resource.get(i), first, path + i + "/"));
        }
        if (!(first instanceof List<?>)) {
            return element(resource, first, path);
        }
        if (resource.size() < pattern.size()) {
            return new Mismatch(Cause.PLAIN, "", "array length mismatch at path " + path);
        }
        return eachElement(pattern.size(), i -> element(resource.get(i), pattern.get(i), path + i + "/"));
    }

    /// Checks `count` array elements in order: the first real mismatch decides; an element whose
    /// conditional anchor skips is left out, and the array skips only when every element skipped.
    private static Mismatch eachElement(int count, java.util.function.IntFunction<Mismatch> check) {
        int applied = 0;
        Mismatch firstSkip = null;
        for (int i = 0; i < count; i++) {
            Mismatch m = check.apply(i);
            if (m != null) {
                if (m.skips()) {
                    if (firstSkip == null) {
                        firstSkip = m;
                    }
                    continue;
                }
                return m;
            }
            applied++;
        }
        return applied == 0 && firstSkip != null ? firstSkip : null;
    }

    /// `metadata.labels` / `metadata.annotations` pattern keys with wildcards are replaced by
    /// the first resource key they match.
    private static Map<String, Object> expandMetadataWildcards(Map<String, Object> pattern, Map<String, Object> resource) {
        String metaKey = null;
        for (String k : pattern.keySet()) {
            if (Anchor.fieldName(k).equals("metadata")) {
                metaKey = k;
                break;
            }
        }
        if (metaKey == null || !(pattern.get(metaKey) instanceof Map<?, ?> pm) || !(resource.get("metadata") instanceof Map<?, ?> rm)) {
            return pattern;
        }
        Map<String, Object> newMeta = null;
        for (var sectionEntry : pm.entrySet()) {
            String sectionKey = String.valueOf(sectionEntry.getKey());
            String section = Anchor.fieldName(sectionKey);
            if (!section.equals("labels") && !section.equals("annotations")) {
                continue;
            }
            if (!(sectionEntry.getValue() instanceof Map<?, ?> sectionPattern)) {
                continue;
            }
            boolean wild = false;
            for (Object k : sectionPattern.keySet()) {
                wild |= Wildcard.hasWildcard(Anchor.fieldName(String.valueOf(k)));
            }
            if (!wild) {
                continue;
            }
            Map<?, ?> actual = rm.get(section) instanceof Map<?, ?> a ? a : Map.of();
            var expanded = new LinkedHashMap<String, Object>();
            for (var e : sectionPattern.entrySet()) {
                String key = String.valueOf(e.getKey());
                String field = Anchor.fieldName(key);
                String replaced = key;
                if (Wildcard.hasWildcard(field)) {
                    for (Object actualKey : actual.keySet()) {
                        if (Wildcard.match(field, String.valueOf(actualKey))) {
                            replaced = key.substring(0, key.length() - field.length() - (key.equals(field) ? 0 : 1))
                                    .concat(String.valueOf(actualKey)).concat(key.equals(field) ? "" : ")");
                            break;
                        }
                    }
                }
                expanded.put(replaced, e.getValue());
            }
            if (newMeta == null) {
                @SuppressWarnings("unchecked")
                var copy = new LinkedHashMap<String, Object>((Map<String, Object>) pm);
                newMeta = copy;
            }
            newMeta.put(sectionKey, expanded);
        }
        if (newMeta == null) {
            return pattern;
        }
        var copy = new LinkedHashMap<>(pattern);
        copy.put(metaKey, newMeta);
        return copy;
    }
}
