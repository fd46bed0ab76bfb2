package dev.waiver.engine.evaluation;

import java.util.List;
import java.util.Map;

/// Evaluates Kyverno validate rules offline (the semantics of `kyverno apply` / `kyverno test`),
/// honouring PolicyExceptions. Works on plain trees as the YAML reader returns them.
///
/// Exceptions are passed already filtered to those the cluster honours; their `match` and
/// `conditions` are evaluated here. For repeated evaluations compile once with [PolicySet#compile].
/// Resources are taken as given: a namespaced resource without `metadata.namespace` stays outside
/// every namespace unless the caller applies [ClusterScope#withDefaultNamespace] first, as
/// `kyverno test` does.
public final class Evaluator {

    public List<RuleResult> evaluate(List<Map<String, Object>> policies, List<Map<String, Object>> resources,
                                     List<Map<String, Object>> exceptions, EvaluationContext ctx) {
        return PolicySet.compile(policies, exceptions).evaluate(resources, ctx);
    }
}
