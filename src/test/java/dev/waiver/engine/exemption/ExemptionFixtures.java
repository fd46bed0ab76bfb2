package dev.waiver.engine.exemption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Builds PolicyException trees the way the YAML reader delivers them, for engine tests.
final class ExemptionFixtures {

    private final Map<String, Object> annotations = new LinkedHashMap<>();
    private final List<Map<String, Object>> conditions = new ArrayList<>();
    private final List<Map<String, Object>> exceptions = new ArrayList<>();
    private final List<Map<String, Object>> filters = new ArrayList<>();
    private String name = "allow-debug";
    private String namespace = "payments";
    private Source source = Source.folder("/repo");

    static ExemptionFixtures exception() {
        return new ExemptionFixtures();
    }

    ExemptionFixtures named(String ns, String n) {
        namespace = ns;
        name = n;
        return this;
    }

    /// Read from this source (a folder by default).
    ExemptionFixtures from(Source from) {
        source = from;
        return this;
    }

    ExemptionFixtures annotation(String key, String value) {
        annotations.put(key, value);
        return this;
    }

    ExemptionFixtures exempts(String policy, String... rules) {
        exceptions.add(Map.of("policyName", policy, "ruleNames", List.of(rules)));
        return this;
    }

    ExemptionFixtures matching(List<String> kinds, List<String> namespaces, List<String> names) {
        var resources = new LinkedHashMap<String, Object>();
        resources.put("kinds", kinds);
        if (!namespaces.isEmpty()) {
            resources.put("namespaces", namespaces);
        }
        if (!names.isEmpty()) {
            resources.put("names", names);
        }
        filters.add(Map.of("resources", resources));
        return this;
    }

    ExemptionFixtures endsAt(String rfc3339) {
        return condition("{{ time_before('{{ time_now_utc() }}', '" + rfc3339 + "') }}", "Equals", true);
    }

    ExemptionFixtures startsAt(String rfc3339) {
        return condition("{{ time_after('{{ time_now_utc() }}', '" + rfc3339 + "') }}", "Equals", true);
    }

    ExemptionFixtures condition(String key, String operator, Object value) {
        var c = new LinkedHashMap<String, Object>();
        c.put("key", key);
        c.put("operator", operator);
        c.put("value", value);
        conditions.add(c);
        return this;
    }

    Map<String, Object> tree() {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        var spec = new LinkedHashMap<String, Object>();
        spec.put("exceptions", exceptions.isEmpty() ? List.of(Map.of("policyName", "disallow-privileged-containers",
                "ruleNames", List.of("privileged-containers", "autogen-privileged-containers"))) : exceptions);
        spec.put("match", Map.of("any", filters.isEmpty()
                ? List.of(Map.of("resources", Map.of("kinds", List.of("Pod"), "namespaces", List.of("payments"),
                        "names", List.of("debug-*"))))
                : filters));
        if (!conditions.isEmpty()) {
            spec.put("conditions", Map.of("all", conditions));
        }
        var tree = new LinkedHashMap<String, Object>();
        tree.put("apiVersion", "kyverno.io/v2");
        tree.put("kind", "PolicyException");
        tree.put("metadata", metadata);
        tree.put("spec", spec);
        return tree;
    }

    Exemption build() {
        return KyvernoObjects.toExemption(tree(), source, Optional.empty());
    }
}
