package dev.waiver.engine.exemption;

import java.util.List;

/// One `exceptions[]` entry: the policy key (`name`, or `namespace/name` for a namespaced Policy) and the
/// rule names it exempts, which Kyverno matches as wildcards against the effective rule names.
public record ExemptedCheck(String policy, List<String> rules) {
    public ExemptedCheck {
        rules = List.copyOf(rules);
    }
}
