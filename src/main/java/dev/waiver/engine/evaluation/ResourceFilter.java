package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// One `ResourceFilter` of a match / exclude block (§3): every present field must hold. A filter
/// with nothing to check never matches. User fields (`subjects`, `roles`, `clusterRoles`) cannot be
/// known offline: `userFieldsMatch` says what they count as (ignored in a policy's `match`, never
/// matching in `exclude` and in exceptions).
record ResourceFilter(List<KindSelector> kinds, List<String> names, List<String> namespaces,
                      Map<String, Object> annotations, Optional<LabelSelector> selector,
                      Optional<LabelSelector> namespaceSelector, List<String> operations, boolean hasUserFields,
                      List<String> rawKinds) {

    static ResourceFilter of(Object filterTree) {
        var filter = Trees.asMap(filterTree);
        var resources = Trees.asMap(filter.get("resources"));
        var rawKinds = strings(resources.get("kinds"));
        var kinds = rawKinds.stream().map(KindSelector::parse).toList();
        var names = new ArrayList<>(strings(resources.get("names")));
        if (resources.get("name") instanceof String n && !n.isEmpty()) {
            names.add(n);
        }
        boolean user = !Trees.asList(filter.get("subjects")).isEmpty() || !Trees.asList(filter.get("roles")).isEmpty()
                || !Trees.asList(filter.get("clusterRoles")).isEmpty();
        return new ResourceFilter(kinds, List.copyOf(names), strings(resources.get("namespaces")),
                Trees.asMap(resources.get("annotations")),
                Optional.ofNullable(resources.get("selector")).map(LabelSelector::of),
                Optional.ofNullable(resources.get("namespaceSelector")).map(LabelSelector::of),
                strings(resources.get("operations")), user, rawKinds);
    }

    static List<String> strings(Object list) {
        var out = new ArrayList<String>();
        for (Object o : Trees.asList(list)) {
            if (o != null) {
                out.add(Trees.sprint(o));
            }
        }
        return List.copyOf(out);
    }

    private boolean isEmpty() {
        return kinds.isEmpty() && names.isEmpty() && namespaces.isEmpty() && annotations.isEmpty()
                && selector.isEmpty() && namespaceSelector.isEmpty() && operations.isEmpty();
    }

    /// `userFieldsMatch`: what present user fields count as, since there is no admission user.
    boolean matches(Resource r, String operation, Map<String, Map<String, Object>> namespaceLabels, boolean userFieldsMatch) {
        if (hasUserFields && !userFieldsMatch) {
            return false;
        }
        if (isEmpty()) {
            return false;
        }
        if (!kinds.isEmpty() && !anyKindMatches(r)) {
            return false;
        }
        if (!names.isEmpty() && !anyWildcardMatches(names, r.name())) {
            return false;
        }
        if (!namespaces.isEmpty() && !anyWildcardMatches(namespaces, r.filterNamespace())) {
            return false;
        }
        if (!annotations.isEmpty() && !annotationsMatch(r.annotations())) {
            return false;
        }
        if (selector.isPresent() && !selector.get().matches(r.labels())) {
            return false;
        }
        if (namespaceSelector.isPresent()) {
            if (r.kind().equals("Namespace")) {
                return false;
            }
            var labels = namespaceLabels.getOrDefault(r.namespace(), Map.of());
            if (!namespaceSelector.get().matches(labels)) {
                return false;
            }
        }
        return operations.isEmpty() || operations.contains(operation);
    }

    // Loops rather than streams: filters run for every rule on every resource.
    private boolean anyKindMatches(Resource r) {
        for (KindSelector k : kinds) {
            if (k.matches(r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyWildcardMatches(List<String> patterns, String value) {
        for (String p : patterns) {
            if (Wildcard.match(p, value)) {
                return true;
            }
        }
        return false;
    }

    private boolean annotationsMatch(Map<String, Object> actual) {
        for (var e : annotations.entrySet()) {
            String value = Trees.sprint(e.getValue());
            boolean found = false;
            for (var a : actual.entrySet()) {
                if (Wildcard.match(e.getKey(), a.getKey()) && Wildcard.match(value, Trees.sprint(a.getValue()))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
