package dev.waiver.engine.exemption;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/// What the register needs to know of a Kyverno policy: its key (`name`, or `namespace/name` for a
/// namespaced Policy), its report annotations, and its rules.
public record PolicySummary(
        String key,
        String kind,
        Optional<String> title,
        List<String> categories,
        Optional<String> severity,
        Set<String> autogenControllers,
        List<RuleSummary> rules) {

    /// The Pod controllers Kyverno generates rules for when the policy does not say otherwise.
    public static final Set<String> DEFAULT_CONTROLLERS = Set.of("DaemonSet", "Deployment", "Job", "StatefulSet",
            "ReplicaSet", "ReplicationController", "CronJob");

    public PolicySummary {
        categories = List.copyOf(categories);
        autogenControllers = Set.copyOf(autogenControllers);
        rules = List.copyOf(rules);
    }

    /// The name of the rule Kyverno generates from a Pod rule for this controller kind, if it generates one.
    public Optional<String> autogenRuleName(String podRule, String controllerKind) {
        if (!autogenControllers.contains(controllerKind)) {
            return Optional.empty();
        }
        return Optional.of(generatedRuleName(podRule, controllerKind));
    }

    /// Kyverno's name for the rule it generates from a Pod rule for a controller kind.
    public static String generatedRuleName(String podRule, String controllerKind) {
        return (controllerKind.equals("CronJob") ? "autogen-cronjob-" : "autogen-") + podRule;
    }

    public Optional<RuleSummary> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
