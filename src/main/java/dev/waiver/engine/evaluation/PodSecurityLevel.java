package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// A `validate.podSecurity` block: level, version and the `exclude` entries that waive checks.
record PodSecurityLevel(String level, String version, List<PodSecurityExclusion> excludes) {

    static PodSecurityLevel of(Map<String, Object> tree) {
        var excludes = new ArrayList<PodSecurityExclusion>();
        for (Object o : Trees.asList(tree.get("exclude"))) {
            excludes.add(PodSecurityExclusion.of(Trees.asMap(o)));
        }
        return new PodSecurityLevel(String.valueOf(tree.getOrDefault("level", "baseline")),
                String.valueOf(tree.getOrDefault("version", "latest")), List.copyOf(excludes));
    }
}
