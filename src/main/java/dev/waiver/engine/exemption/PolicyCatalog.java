package dev.waiver.engine.exemption;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/// The policies known in a workspace, by policy key. Exceptions name policies by exact key.
public final class PolicyCatalog {

    /// The check type of an exception whose policy the workspace does not know.
    public static final String UNKNOWN_CHECK_TYPE = "Kyverno (uncategorised)";

    private final Map<String, PolicySummary> byKey = new LinkedHashMap<>();

    public PolicyCatalog(Collection<PolicySummary> policies) {
        policies.forEach(p -> byKey.put(p.key(), p));
    }

    public static PolicyCatalog empty() {
        return new PolicyCatalog(java.util.List.of());
    }

    public Optional<PolicySummary> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public Collection<PolicySummary> all() {
        return byKey.values();
    }

    /// The `policies.kyverno.io/category` of the policy, or the source kind when unknown.
    public String checkType(String policyKey) {
        return find(policyKey).flatMap(PolicySummary::category).orElse(UNKNOWN_CHECK_TYPE);
    }
}
