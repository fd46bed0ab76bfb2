package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// A Kyverno PolicyException (any of v2alpha1, v2beta1, v2) compiled for evaluation (§8).
/// Named "entry" because the register model of exemptions lives elsewhere.
///
/// @param key          `namespace/name` of the PolicyException
/// @param grants       which policy (exact key) and rules (wildcards) it covers
/// @param podSecurity  PSS exclusions, used only by podSecurity rules
public record ExceptionEntry(String key, String name, List<Grant> grants, MatchBlock match, Conditions conditions,
                             List<PodSecurityExclusion> podSecurity) {

    /// One `exceptions[]` item: a policy key and rule name wildcards.
    public record Grant(String policyName, List<String> ruleNames) {
    }

    public static Optional<ExceptionEntry> of(Map<String, Object> tree) {
        String apiVersion = Trees.string(tree, "apiVersion").orElse("");
        if (!apiVersion.startsWith("kyverno.io/") || !"PolicyException".equals(tree.get("kind"))) {
            return Optional.empty();
        }
        String name = Trees.string(tree, "metadata", "name").orElse("");
        String namespace = Trees.string(tree, "metadata", "namespace").orElse("");
        var spec = Trees.asMap(Trees.normalize(tree.get("spec")));
        var grants = new ArrayList<Grant>();
        for (Object o : Trees.asList(spec.get("exceptions"))) {
            var g = Trees.asMap(o);
            grants.add(new Grant(String.valueOf(g.getOrDefault("policyName", "")), ResourceFilter.strings(g.get("ruleNames"))));
        }
        var pss = new ArrayList<PodSecurityExclusion>();
        for (Object o : Trees.asList(spec.get("podSecurity"))) {
            pss.add(PodSecurityExclusion.of(Trees.asMap(o)));
        }
        var matchTree = Trees.asMap(spec.get("match"));
        var match = new MatchBlock(MatchBlock.of(Map.of("any", matchTree.getOrDefault("any", List.of()))).any(),
                MatchBlock.of(Map.of("all", matchTree.getOrDefault("all", List.of()))).all(), List.of());
        return Optional.of(new ExceptionEntry(namespace.isEmpty() ? name : namespace + "/" + name, name,
                List.copyOf(grants), match, Conditions.of(spec.get("conditions")), List.copyOf(pss)));
    }

    /// Whether this exception names the policy and rule (step 1 of §8.2).
    boolean covers(String policyKey, String ruleName) {
        for (Grant g : grants) {
            if (g.policyName().equals(policyKey) && g.ruleNames().stream().anyMatch(r -> Wildcard.match(r, ruleName))) {
                return true;
            }
        }
        return false;
    }

    /// Whether `match` selects the resource (step 2); user fields never match offline.
    boolean matches(Resource r, String operation, Map<String, Map<String, Object>> namespaceLabels) {
        return match.matches(r, operation, namespaceLabels, false);
    }

    /// Conditions (step 3): an evaluation error means the exception does not apply.
    boolean conditionsHold(VariableScope scope) {
        if (conditions.isEmpty()) {
            return true;
        }
        try {
            return conditions.evaluate(scope).holds();
        } catch (RuleEvaluationException e) {
            return false;
        }
    }
}
