package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// The body of a validate rule: exactly one of deny, pattern, anyPattern, foreach, podSecurity.
/// Patterns are kept as trees; whether they contain variables is worked out once here.
sealed interface RuleBody {

    record Deny(Conditions conditions) implements RuleBody {
    }

    record PatternCheck(Object pattern, boolean hasVariables) implements RuleBody {
    }

    record AnyPattern(List<Object> patterns, boolean hasVariables) implements RuleBody {
    }

    record Foreach(List<ForeachEntry> entries) implements RuleBody {
    }

    record PodSecurityCheck(PodSecurityLevel level) implements RuleBody {
    }

    /// Not a validate rule (mutate, generate, verifyImages) or an empty validate: no result.
    record Unsupported(String why) implements RuleBody {
    }

    record ForeachEntry(String list, Conditions preconditions, RuleBody body, Optional<Boolean> elementScope) {
    }

    static RuleBody of(Map<String, Object> validate) {
        if (validate.containsKey("deny")) {
            return new Deny(Conditions.of(Trees.asMap(validate.get("deny")).get("conditions")));
        }
        if (validate.containsKey("pattern")) {
            Object p = validate.get("pattern");
            return new PatternCheck(p, Variables.hasVariables(p));
        }
        if (validate.containsKey("anyPattern")) {
            var list = new ArrayList<>(Trees.asList(validate.get("anyPattern")));
            return new AnyPattern(list, Variables.hasVariables(list));
        }
        if (validate.containsKey("foreach")) {
            var entries = new ArrayList<ForeachEntry>();
            for (Object o : Trees.asList(validate.get("foreach"))) {
                var e = Trees.asMap(o);
                entries.add(new ForeachEntry(String.valueOf(e.getOrDefault("list", "")),
                        Conditions.of(e.get("preconditions")), of(e),
                        e.get("elementScope") instanceof Boolean b ? Optional.of(b) : Optional.empty()));
            }
            return new Foreach(List.copyOf(entries));
        }
        if (validate.containsKey("podSecurity")) {
            return new PodSecurityCheck(PodSecurityLevel.of(Trees.asMap(validate.get("podSecurity"))));
        }
        return new Unsupported("validate rule without deny, pattern, anyPattern, foreach or podSecurity");
    }
}
