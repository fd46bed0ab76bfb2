package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.List;

/// A condition block (§4) of preconditions, deny or exception conditions: `any` and `all` lists
/// (a bare list is the legacy `all`). Evaluated lazily: the first decisive condition ends a list.
record Conditions(List<Condition> any, List<Condition> all, boolean hasAny) {

    record Condition(Object key, String operator, Object value, String message, boolean keyHasVariables,
                     boolean valueHasVariables) {
    }

    /// Result of a block: whether it holds and the messages of the conditions that decided.
    record Verdict(boolean holds, List<String> messages) {
    }

    static final Conditions NONE = new Conditions(List.of(), List.of(), false);

    static Conditions of(Object tree) {
        if (tree instanceof List<?> legacy) {
            return new Conditions(List.of(), conditions(legacy), false);
        }
        var m = Trees.asMap(tree);
        if (m.isEmpty()) {
            return NONE;
        }
        boolean hasAny = m.get("any") instanceof List<?> l && !l.isEmpty();
        return new Conditions(conditions(m.get("any")), conditions(m.get("all")), hasAny);
    }

    private static List<Condition> conditions(Object list) {
        var out = new ArrayList<Condition>();
        for (Object o : Trees.asList(list)) {
            var c = Trees.asMap(o);
            out.add(new Condition(c.get("key"), String.valueOf(c.getOrDefault("operator", "Equals")), c.get("value"),
                    c.get("message") instanceof String s ? s : "", Variables.hasVariables(c.get("key")),
                    Variables.hasVariables(c.get("value"))));
        }
        return List.copyOf(out);
    }

    boolean isEmpty() {
        return any.isEmpty() && all.isEmpty();
    }

    /// Throws [RuleEvaluationException] when an evaluated condition cannot be resolved.
    Verdict evaluate(VariableScope scope) {
        var messages = new ArrayList<String>();
        boolean anyHolds = !hasAny;
        for (Condition c : any) {
            if (holds(c, scope)) {
                anyHolds = true;
                if (!c.message().isEmpty()) {
                    messages.add(substituteMessage(c.message(), scope));
                }
                break;
            }
        }
        if (!anyHolds) {
            return new Verdict(false, List.of());
        }
        for (Condition c : all) {
            if (!holds(c, scope)) {
                return new Verdict(false, List.of());
            }
            if (!c.message().isEmpty()) {
                messages.add(substituteMessage(c.message(), scope));
            }
        }
        return new Verdict(true, messages);
    }

    private static boolean holds(Condition c, VariableScope scope) {
        Object key = c.keyHasVariables() ? Variables.substituteTree(c.key(), scope) : c.key();
        Object value = c.valueHasVariables() ? Variables.substituteTree(c.value(), scope) : c.value();
        return Operators.evaluate(c.operator(), key, value);
    }

    static String substituteMessage(String message, VariableScope scope) {
        try {
            return Trees.print(Variables.substitute(message, scope));
        } catch (RuleEvaluationException e) {
            return message;
        }
    }
}
