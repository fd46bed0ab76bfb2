package dev.waiver.engine.evaluation;

import java.util.List;
import java.util.Map;

/// One PSS exclusion (from a rule's `podSecurity.exclude` or an exception's `podSecurity`):
/// a control, optionally limited to container images (wildcards), a restricted field and values.
record PodSecurityExclusion(String controlName, List<String> images, String restrictedField, List<String> values) {

    static PodSecurityExclusion of(Map<String, Object> tree) {
        return new PodSecurityExclusion(String.valueOf(tree.getOrDefault("controlName", "")),
                ResourceFilter.strings(tree.get("images")),
                tree.get("restrictedField") instanceof String s ? s : "",
                ResourceFilter.strings(tree.get("values")));
    }
}
