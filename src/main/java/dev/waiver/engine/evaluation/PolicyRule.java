package dev.waiver.engine.evaluation;

import java.util.Map;

/// One effective rule of a policy, compiled: an original rule or an autogen variant.
record PolicyRule(String name, MatchBlock match, MatchBlock exclude, Conditions preconditions, RuleBody body,
                  String message, Map<String, Object> source) {

    static PolicyRule of(Map<String, Object> rule) {
        var validate = Trees.asMap(rule.get("validate"));
        RuleBody body = rule.containsKey("validate") ? RuleBody.of(validate)
                : new RuleBody.Unsupported("not a validate rule");
        if (rule.containsKey("context") && !Trees.asList(rule.get("context")).isEmpty()) {
            body = new RuleBody.Unsupported("rule context entries (API calls, ConfigMaps) are not evaluated offline");
        }
        return new PolicyRule(String.valueOf(rule.getOrDefault("name", "")), MatchBlock.of(rule.get("match")),
                MatchBlock.of(rule.get("exclude")), Conditions.of(rule.get("preconditions")), body,
                validate.get("message") instanceof String s ? s : "", rule);
    }
}
