package dev.waiver.engine.exemption;

import java.util.Collection;
import java.util.List;
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
        return new PolicyCatalog(List.of());
    }

    public Optional<PolicySummary> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public Collection<PolicySummary> all() {
        return byKey.values();
    }

    /// The `policies.kyverno.io/category` entries of the policy (policies often list several, comma
    /// separated), or the source kind when the policy is unknown or has no category.
    public List<String> checkTypes(String policyKey) {
        var categories = find(policyKey).map(PolicySummary::categories).orElse(List.of());
        return categories.isEmpty() ? List.of(UNKNOWN_CHECK_TYPE) : categories;
    }
}
