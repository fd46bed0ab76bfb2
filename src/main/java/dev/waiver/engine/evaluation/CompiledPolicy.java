package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// A ClusterPolicy or Policy compiled once: its rules, the autogen variants and the few
/// annotations that change results.
///
/// @param key       `name` (ClusterPolicy) or `namespace/name` (Policy)
/// @param namespace the Policy's namespace, empty for a ClusterPolicy
/// @param scored    false when `policies.kyverno.io/scored: "false"` (fail is reported as warn)
/// @param applyOne  `spec.applyRules: One`
public record CompiledPolicy(String key, String name, String namespace, boolean scored, boolean applyOne,
                             List<PolicyRule> rules, List<PolicyRule> controllerRules, List<PolicyRule> cronJobRules,
                             Set<String> autogenControllers) {

    /// Compiles a policy tree; empty when it is not a Kyverno ClusterPolicy / Policy.
    public static Optional<CompiledPolicy> of(Map<String, Object> tree) {
        String kind = Trees.string(tree, "kind").orElse("");
        String apiVersion = Trees.string(tree, "apiVersion").orElse("");
        if (!apiVersion.startsWith("kyverno.io/") || !(kind.equals("ClusterPolicy") || kind.equals("Policy"))) {
            return Optional.empty();
        }
        String name = Trees.string(tree, "metadata", "name").orElse("");
        String namespace = kind.equals("Policy") ? Trees.string(tree, "metadata", "namespace").orElse("default") : "";
        boolean scored = !"false".equals(String.valueOf(Trees.get(tree, "metadata", "annotations", "policies.kyverno.io/scored")));
        boolean applyOne = "One".equals(Trees.get(tree, "spec", "applyRules"));
        var rawRules = new ArrayList<Map<String, Object>>();
        for (Object o : Trees.asList(Trees.get(tree, "spec", "rules"))) {
            @SuppressWarnings("unchecked")
            var rule = (Map<String, Object>) Trees.normalize(o);
            rawRules.add(rule);
        }
        var rules = rawRules.stream().map(PolicyRule::of).toList();
        Set<String> controllers = Autogen.controllers(tree, rawRules);
        var controllerRules = new ArrayList<PolicyRule>();
        var cronRules = new ArrayList<PolicyRule>();
        if (!controllers.isEmpty()) {
            for (PolicyRule r : rules) {
                if (Autogen.ruleQualifies(r)) {
                    controllerRules.add(Autogen.generate(r, false));
                    cronRules.add(Autogen.generate(r, true));
                }
            }
        }
        return Optional.of(new CompiledPolicy(namespace.isEmpty() ? name : namespace + "/" + name, name, namespace,
                scored, applyOne, rules, List.copyOf(controllerRules), List.copyOf(cronRules), controllers));
    }

    /// The rule named `ruleName` as the evaluator runs it: an original rule as written, or an `autogen-`
    /// rule as generated from one (kinds and patterns moved under the controller's pod template).
    public Optional<Map<String, Object>> ruleDocument(String ruleName) {
        for (List<PolicyRule> list : List.of(rules, controllerRules, cronJobRules)) {
            for (PolicyRule r : list) {
                if (r.name().equals(ruleName)) {
                    return Optional.of(r.source());
                }
            }
        }
        return Optional.empty();
    }

    /// The rules that apply to a resource of `kind`: the originals plus generated ones for
    /// the controller kinds this policy generates for.
    List<PolicyRule> effectiveRules(String kind) {
        if (!autogenControllers.contains(kind)) {
            return rules;
        }
        List<PolicyRule> extra = kind.equals("CronJob") ? cronJobRules
                : Autogen.POD_CONTROLLERS.contains(kind) ? controllerRules : List.of();
        if (extra.isEmpty()) {
            return rules;
        }
        var all = new ArrayList<PolicyRule>(rules);
        all.addAll(extra);
        return all;
    }
}
