package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// A `match` or `exclude` block: `any` (one filter suffices), `all` (every filter), or the legacy
/// single filter written directly in the block.
record MatchBlock(List<ResourceFilter> any, List<ResourceFilter> all, List<ResourceFilter> legacy) {

    static final MatchBlock NONE = new MatchBlock(List.of(), List.of(), List.of());

    static MatchBlock of(Object tree) {
        var m = Trees.asMap(tree);
        if (m.isEmpty()) {
            return NONE;
        }
        var any = filters(m.get("any"));
        var all = filters(m.get("all"));
        var legacy = new ArrayList<ResourceFilter>();
        if (m.containsKey("resources") || m.containsKey("subjects") || m.containsKey("roles") || m.containsKey("clusterRoles")) {
            legacy.add(ResourceFilter.of(m));
        }
        return new MatchBlock(any, all, List.copyOf(legacy));
    }

    private static List<ResourceFilter> filters(Object list) {
        var out = new ArrayList<ResourceFilter>();
        for (Object o : Trees.asList(list)) {
            out.add(ResourceFilter.of(o));
        }
        return List.copyOf(out);
    }

    boolean isEmpty() {
        return any.isEmpty() && all.isEmpty() && legacy.isEmpty();
    }

    List<ResourceFilter> allFilters() {
        var out = new ArrayList<ResourceFilter>(any);
        out.addAll(all);
        out.addAll(legacy);
        return out;
    }

    /// Match semantics: any → one filter; all → every filter; legacy → the filter.
    boolean matches(Resource r, String op, Map<String, Map<String, Object>> nsLabels, boolean userFieldsMatch) {
        // Plain loops: this runs for every rule on every resource, and streams allocate.
        if (!any.isEmpty()) {
            for (ResourceFilter f : any) {
                if (f.matches(r, op, nsLabels, userFieldsMatch)) {
                    return true;
                }
            }
            return false;
        }
        if (!all.isEmpty()) {
            for (ResourceFilter f : all) {
                if (!f.matches(r, op, nsLabels, userFieldsMatch)) {
                    return false;
                }
            }
            return true;
        }
        if (!legacy.isEmpty()) {
            return legacy.get(0).matches(r, op, nsLabels, userFieldsMatch);
        }
        return false;
    }
}
