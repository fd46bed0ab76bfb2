package dev.waiver.engine.exemption;

import java.util.List;
import java.util.Optional;

/// What the register needs to know of a Kyverno policy: its key (`name`, or `namespace/name` for a
/// namespaced Policy), its report annotations, and its rules.
public record PolicySummary(
        String key,
        String kind,
        Optional<String> title,
        Optional<String> category,
        Optional<String> severity,
        boolean autogenEnabled,
        List<RuleSummary> rules) {

    public PolicySummary {
        rules = List.copyOf(rules);
    }

    public Optional<RuleSummary> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
