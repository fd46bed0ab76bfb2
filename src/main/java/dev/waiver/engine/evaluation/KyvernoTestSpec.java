package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// A `kyverno-test.yaml` tree read into a value: the current `cli.kyverno.io/v1alpha1 Test`
/// form or the old form (top-level `name`, results with `resource` / `status` / `namespace`).
///
/// @param variables   the values file reference, if any
/// @param inlineValues `values:` written inline (empty map when absent)
public record KyvernoTestSpec(String name, boolean oldFormat, List<String> policies, List<String> resources,
                              List<String> exceptions, Optional<String> variables, Map<String, Object> inlineValues,
                              List<Expectation> results) {

    /// One `results[]` entry.
    ///
    /// @param resources names or `namespace/name` entries
    /// @param namespace the old form's `namespace:` (empty when absent)
    public record Expectation(String policy, String rule, String kind, List<String> resources, String namespace,
                              Optional<RuleStatus> result, String rawResult, Optional<String> operation) {
    }

    public static KyvernoTestSpec of(Map<String, Object> tree) {
        boolean old = !tree.containsKey("apiVersion") || tree.containsKey("name");
        String name = Trees.string(tree, "metadata", "name").or(() -> Trees.string(tree, "name")).orElse("");
        var results = new ArrayList<Expectation>();
        for (Object o : Trees.asList(tree.get("results"))) {
            var r = Trees.asMap(o);
            var names = new ArrayList<>(ResourceFilter.strings(r.get("resources")));
            if (r.get("resource") instanceof String s) {
                names.add(s);
            }
            for (Object spec : Trees.asList(r.get("resourceSpecs"))) {
                var rs = Trees.asMap(spec);
                String n = String.valueOf(rs.getOrDefault("name", ""));
                names.add(rs.get("namespace") instanceof String ns && !ns.isEmpty() ? ns + "/" + n : n);
            }
            String raw = r.get("result") instanceof String s ? s : r.get("status") instanceof String s2 ? s2 : "";
            results.add(new Expectation(String.valueOf(r.getOrDefault("policy", "")), String.valueOf(r.getOrDefault("rule", "")),
                    String.valueOf(r.getOrDefault("kind", "")), List.copyOf(names),
                    r.get("namespace") instanceof String ns ? ns : "", RuleStatus.parse(raw), raw,
                    r.get("operation") instanceof String op ? Optional.of(op) : Optional.empty()));
        }
        return new KyvernoTestSpec(name, old, ResourceFilter.strings(tree.get("policies")),
                ResourceFilter.strings(tree.get("resources")), ResourceFilter.strings(tree.get("exceptions")),
                tree.get("variables") instanceof String v ? Optional.of(v) : Optional.empty(),
                Trees.asMap(tree.get("values")), List.copyOf(results));
    }
}
