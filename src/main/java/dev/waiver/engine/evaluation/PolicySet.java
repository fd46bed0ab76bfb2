package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Policies and exceptions compiled once, ready to evaluate any number of resources. Thread-safe:
/// nothing in it changes after construction.
public final class PolicySet {

    private final List<CompiledPolicy> policies;
    private final Map<String, List<ExceptionEntry>> exceptionsByPolicy;

    private PolicySet(List<CompiledPolicy> policies, Map<String, List<ExceptionEntry>> exceptionsByPolicy) {
        this.policies = policies;
        this.exceptionsByPolicy = exceptionsByPolicy;
    }

    /// Compiles policy and PolicyException trees; other documents are ignored.
    public static PolicySet compile(List<Map<String, Object>> policyTrees, List<Map<String, Object>> exceptionTrees) {
        var policies = new ArrayList<CompiledPolicy>();
        for (var tree : policyTrees) {
            CompiledPolicy.of(tree).ifPresent(policies::add);
        }
        var byPolicy = new HashMap<String, List<ExceptionEntry>>();
        for (var tree : exceptionTrees) {
            ExceptionEntry.of(tree).ifPresent(e -> {
                for (ExceptionEntry.Grant g : e.grants()) {
                    var list = byPolicy.computeIfAbsent(g.policyName(), k -> new ArrayList<>());
                    if (!list.contains(e)) {
                        list.add(e);
                    }
                }
            });
        }
        return new PolicySet(List.copyOf(policies), byPolicy);
    }

    public List<CompiledPolicy> policies() {
        return policies;
    }

    /// Evaluates every policy on every resource.
    public List<RuleResult> evaluate(List<Map<String, Object>> resources, EvaluationContext ctx) {
        var out = new ArrayList<RuleResult>();
        ScopedValue.where(KyvernoFunctions.CLOCK, ctx.clock()).run(() -> {
            for (var tree : resources) {
                Resource r = Resource.of(tree);
                for (CompiledPolicy p : policies) {
                    evaluate(p, r, ctx, out);
                }
            }
        });
        return out;
    }

    private void evaluate(CompiledPolicy policy, Resource r, EvaluationContext ctx, List<RuleResult> out) {
        if (!policy.namespace().isEmpty() && !policy.namespace().equals(r.namespace())) {
            return;
        }
        Map<String, Object> values = ctx.valuesFor(policy.name(), r);
        String op = values.get("request.operation") instanceof String s ? s : ctx.operation().orElse("CREATE");
        boolean delete = op.equals("DELETE");
        VariableScope scope = null;
        var nsLabels = ctx.namespaceLabels();
        for (PolicyRule rule : policy.effectiveRules(r.kind())) {
            if (rule.body() instanceof RuleBody.Unsupported) {
                continue;
            }
            if (!rule.match().matches(r, op, nsLabels, true)) {
                continue;
            }
            if (!rule.exclude().isEmpty() && rule.exclude().matches(r, op, nsLabels, false)) {
                continue;
            }
            if (delete && (rule.body() instanceof RuleBody.PatternCheck || rule.body() instanceof RuleBody.AnyPattern
                    || rule.body() instanceof RuleBody.PodSecurityCheck)) {
                continue;
            }
            if (scope == null) {
                scope = new VariableScope(ScopeData.build(r, op, values), delete);
            }
            Optional<RuleResult> result = evaluateRule(policy, rule, r, op, scope, delete, nsLabels);
            if (result.isPresent()) {
                RuleResult rr = result.get();
                if (!policy.scored() && rr.status() == RuleStatus.FAIL) {
                    rr = rr.withStatus(RuleStatus.WARN);
                }
                out.add(rr);
                if (policy.applyOne()) {
                    return;
                }
            }
        }
    }

    private Optional<RuleResult> evaluateRule(CompiledPolicy policy, PolicyRule rule, Resource r, String op,
                                              VariableScope scope, boolean delete, Map<String, Map<String, Object>> nsLabels) {
        ResourceRef ref = r.ref();
        if (!rule.preconditions().isEmpty()) {
            try {
                if (!rule.preconditions().evaluate(scope).holds()) {
                    return Optional.of(RuleResult.of(policy.key(), rule.name(), ref, RuleStatus.SKIP, "preconditions not met"));
                }
            } catch (RuleEvaluationException e) {
                return Optional.of(RuleResult.of(policy.key(), rule.name(), ref, RuleStatus.ERROR,
                        "failed to evaluate preconditions: " + e.getMessage()));
            }
        }
        List<ExceptionEntry> applying = applyingExceptions(policy.key(), rule.name(), r, op, scope, nsLabels);
        if (applying.isEmpty()) {
            BodyOutcome o = RuleRunner.run(rule, rule.body(), r, scope, delete);
            return o.status().map(s -> RuleResult.of(policy.key(), rule.name(), ref, s, o.message()));
        }
        List<String> keys = applying.stream().map(ExceptionEntry::key).toList();
        if (rule.body() instanceof RuleBody.PodSecurityCheck ps && applying.stream().allMatch(e -> !e.podSecurity().isEmpty())) {
            BodyOutcome plain = RuleRunner.run(rule, rule.body(), r, scope, delete);
            if (!plain.is(RuleStatus.FAIL)) {
                return plain.status().map(s -> RuleResult.of(policy.key(), rule.name(), ref, s, plain.message()));
            }
            var extra = new ArrayList<PodSecurityExclusion>();
            applying.forEach(e -> extra.addAll(e.podSecurity()));
            BodyOutcome waived = PodSecurity.evaluate(rule, ps.level(), r, extra);
            if (waived.is(RuleStatus.FAIL)) {
                return Optional.of(new RuleResult(policy.key(), rule.name(), ref, RuleStatus.FAIL, waived.message(), keys,
                        Optional.empty()));
            }
            return Optional.of(new RuleResult(policy.key(), rule.name(), ref, RuleStatus.SKIP,
                    "rule is skipped due to policy exceptions" + String.join(",", keys), keys, Optional.of(RuleStatus.FAIL)));
        }
        BodyOutcome hidden = RuleRunner.run(rule, rule.body(), r, scope, delete);
        return Optional.of(new RuleResult(policy.key(), rule.name(), ref, RuleStatus.SKIP,
                "rule is skipped due to policy exceptions" + String.join(",", keys), keys, hidden.status()));
    }

    private List<ExceptionEntry> applyingExceptions(String policyKey, String ruleName, Resource r, String op,
                                                    VariableScope scope, Map<String, Map<String, Object>> nsLabels) {
        List<ExceptionEntry> candidates = exceptionsByPolicy.get(policyKey);
        if (candidates == null) {
            return List.of();
        }
        var out = new ArrayList<ExceptionEntry>();
        for (ExceptionEntry e : candidates) {
            if (e.covers(policyKey, ruleName) && e.matches(r, op, nsLabels) && e.conditionsHold(scope)) {
                out.add(e);
            }
        }
        return out;
    }

    /// The variable data for one resource: `request.*` plus values, where a value key is a path
    /// (`request.object.metadata.annotations."a/b"`) that overrides that field.
    static final class ScopeData {
        private ScopeData() {
        }

        static Map<String, Object> build(Resource r, String op, Map<String, Object> values) {
            boolean delete = op.equals("DELETE");
            var request = new LinkedHashMap<String, Object>();
            request.put("operation", op);
            Object object = delete ? null : r.tree();
            Object oldObject = op.equals("CREATE") ? null : r.tree();
            boolean touchesObject = false;
            boolean touchesOld = false;
            for (String k : values.keySet()) {  // usually none: no values file
                touchesObject |= k.startsWith("request.object.");
                touchesOld |= k.startsWith("request.oldObject.");
            }
            request.put("object", touchesObject && object != null ? Trees.normalize(object) : object);
            request.put("oldObject", touchesOld && oldObject != null ? Trees.normalize(oldObject) : oldObject);
            var data = new LinkedHashMap<String, Object>();
            data.put("request", request);
            for (var e : values.entrySet()) {
                setPath(data, splitPath(e.getKey()), e.getValue());
            }
            return data;
        }

        @SuppressWarnings("unchecked")
        private static void setPath(Map<String, Object> root, List<String> path, Object value) {
            Map<String, Object> cur = root;
            for (int i = 0; i < path.size() - 1; i++) {
                Object next = cur.get(path.get(i));
                if (!(next instanceof Map<?, ?>)) {
                    next = new LinkedHashMap<String, Object>();
                    cur.put(path.get(i), next);
                }
                cur = (Map<String, Object>) next;
            }
            cur.put(path.get(path.size() - 1), value);
        }

        static List<String> splitPath(String key) {
            var parts = new ArrayList<String>();
            var sb = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '.' && !quoted) {
                    parts.add(sb.toString());
                    sb.setLength(0);
                } else {
                    sb.append(c);
                }
            }
            parts.add(sb.toString());
            return parts;
        }
    }
}
