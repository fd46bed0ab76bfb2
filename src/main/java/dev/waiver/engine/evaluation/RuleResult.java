package dev.waiver.engine.evaluation;

import java.util.List;
import java.util.Optional;

/// One rule's result on one resource.
///
/// @param policyKey    `name` for a ClusterPolicy, `namespace/name` for a Policy
/// @param ruleName     the effective rule name (`autogen-…` for generated rules)
/// @param exceptions   `namespace/name` of the PolicyExceptions that applied
/// @param hiddenResult for a skip caused by exceptions, what the rule body gives without them
///                     (empty otherwise); this is how Waiver tells a needed exception from a stale one
public record RuleResult(String policyKey, String ruleName, ResourceRef resource, RuleStatus status, String message,
                         List<String> exceptions, Optional<RuleStatus> hiddenResult) {

    public RuleResult {
        exceptions = List.copyOf(exceptions);
    }

    static RuleResult of(String policyKey, String ruleName, ResourceRef resource, RuleStatus status, String message) {
        return new RuleResult(policyKey, ruleName, resource, status, message, List.of(), Optional.empty());
    }

    RuleResult withStatus(RuleStatus newStatus) {
        return new RuleResult(policyKey, ruleName, resource, newStatus, message, exceptions, hiddenResult);
    }
}
