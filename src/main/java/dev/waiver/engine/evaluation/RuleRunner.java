package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// Runs the body of one validate rule (§6) on one resource. Kept apart from the pipeline so that
/// the same code gives both the real result and the hidden result behind an exception.
final class RuleRunner {

    private RuleRunner() {
    }

    static BodyOutcome run(PolicyRule rule, RuleBody body, Resource resource, VariableScope scope, boolean delete) {
        try {
            return switch (body) {
                case RuleBody.Deny deny -> deny(rule, deny.conditions(), scope);
                case RuleBody.PatternCheck p -> delete ? BodyOutcome.NONE : pattern(rule, p.pattern(), p.hasVariables(), resource.tree(), scope);
                case RuleBody.AnyPattern ap -> delete ? BodyOutcome.NONE : anyPattern(rule, ap.patterns(), ap.hasVariables(), resource.tree(), scope);
                case RuleBody.Foreach fe -> foreach(rule, fe.entries(), resource.tree(), scope, 0);
                case RuleBody.PodSecurityCheck ps -> delete ? BodyOutcome.NONE : PodSecurity.evaluate(rule, ps.level(), resource, List.of());
                case RuleBody.Unsupported u -> BodyOutcome.NONE;
            };
        } catch (RuleEvaluationException e) {
            return BodyOutcome.of(RuleStatus.ERROR, e.getMessage());
        }
    }

    private static BodyOutcome deny(PolicyRule rule, Conditions conditions, VariableScope scope) {
        Conditions.Verdict verdict = conditions.evaluate(scope);
        if (!verdict.holds()) {
            return BodyOutcome.of(RuleStatus.PASS, "validation rule '" + rule.name() + "' passed.");
        }
        var parts = new ArrayList<String>();
        if (!rule.message().isEmpty()) {
            parts.add(Conditions.substituteMessage(rule.message(), scope));
        }
        parts.addAll(verdict.messages());
        String message = parts.isEmpty() ? "validation error: rule " + rule.name() + " failed" : String.join("; ", parts);
        return BodyOutcome.of(RuleStatus.FAIL, message);
    }

    private static BodyOutcome pattern(PolicyRule rule, Object pattern, boolean hasVariables, Object target, VariableScope scope) {
        Object resolved = hasVariables ? Variables.substituteTree(pattern, scope) : pattern;
        PatternMatcher.Outcome o = PatternMatcher.match(target, resolved);
        return switch (o.kind()) {
            case PASS -> BodyOutcome.of(RuleStatus.PASS, "validation rule '" + rule.name() + "' passed.");
            case SKIP -> BodyOutcome.of(RuleStatus.SKIP, "rule " + rule.name() + " skipped: " + o.message());
            case ERROR -> BodyOutcome.of(RuleStatus.ERROR, failMessage(rule, scope, "") + ": " + o.message());
            case FAIL -> BodyOutcome.of(RuleStatus.FAIL, failMessage(rule, scope, o.path()));
        };
    }

    private static String failMessage(PolicyRule rule, VariableScope scope, String path) {
        String message = rule.message().isEmpty() ? "" : Conditions.substituteMessage(rule.message(), scope);
        if (!message.isEmpty() && !message.endsWith(".")) {
            message = message + ".";
        }
        String tail = "rule " + rule.name() + " failed at path " + path;
        return message.isEmpty() ? "validation error: " + tail : "validation error: " + message + " " + tail;
    }

    private static BodyOutcome anyPattern(PolicyRule rule, List<Object> patterns, boolean hasVariables, Object target,
                                          VariableScope scope) {
        var failures = new ArrayList<String>();
        boolean anyFailed = false;
        boolean anyError = false;
        String errorMessage = "";
        for (int i = 0; i < patterns.size(); i++) {
            Object p = hasVariables ? Variables.substituteTree(patterns.get(i), scope) : patterns.get(i);
            PatternMatcher.Outcome o = PatternMatcher.match(target, p);
            switch (o.kind()) {
                case PASS -> {
                    return BodyOutcome.of(RuleStatus.PASS, "validation rule '" + rule.name() + "' anyPattern[" + i + "] passed.");
                }
                case FAIL -> {
                    anyFailed = true;
                    failures.add("rule " + rule.name() + "[" + i + "] failed at path " + o.path());
                }
                case ERROR -> {
                    anyError = true;
                    errorMessage = o.message();
                    failures.add("rule " + rule.name() + "[" + i + "] failed: " + o.message());
                }
                case SKIP -> {
                }
            }
        }
        if (anyFailed || anyError) {
            String message = rule.message().isEmpty() ? "" : Conditions.substituteMessage(rule.message(), scope);
            String text = "validation error: " + (message.isEmpty() ? "" : message + (message.endsWith(".") ? " " : ". "))
                    + String.join(" ", failures);
            return BodyOutcome.of(anyFailed ? RuleStatus.FAIL : RuleStatus.ERROR, anyFailed ? text : errorMessage);
        }
        return BodyOutcome.of(RuleStatus.SKIP, "rule " + rule.name() + " skipped: all patterns skipped");
    }

    /// `foreach` (§6.4): a fail or error of an element ends the rule; no checked element = no result.
    private static BodyOutcome foreach(PolicyRule rule, List<RuleBody.ForeachEntry> entries, Object resourceTree,
                                       VariableScope scope, int depth) {
        int applied = 0;
        for (RuleBody.ForeachEntry entry : entries) {
            Object list;
            try {
                list = listOf(entry.list(), scope);
            } catch (RuleEvaluationException e) {
                continue;
            }
            if (!(list instanceof List<?> elements)) {
                continue;
            }
            for (int i = 0; i < elements.size(); i++) {
                Object element = elements.get(i);
                VariableScope elementScope = scope.withElement(element, i, depth);
                if (!entry.preconditions().isEmpty()) {
                    try {
                        if (!entry.preconditions().evaluate(elementScope).holds()) {
                            continue;
                        }
                    } catch (RuleEvaluationException e) {
                        continue;
                    }
                }
                boolean scoped = entry.elementScope().orElse(element instanceof Map<?, ?>);
                if (scoped && !(element instanceof Map<?, ?>)) {
                    return BodyOutcome.of(RuleStatus.ERROR, "failed to evaluate foreach: element scope requires a map element");
                }
                Object target = scoped ? element : resourceTree;
                BodyOutcome o = switch (entry.body()) {
                    case RuleBody.Deny d -> deny(rule, d.conditions(), elementScope);
                    case RuleBody.PatternCheck p -> pattern(rule, p.pattern(), p.hasVariables(), target, elementScope);
                    case RuleBody.AnyPattern ap -> anyPattern(rule, ap.patterns(), ap.hasVariables(), target, elementScope);
                    case RuleBody.Foreach nested -> foreach(rule, nested.entries(), resourceTree, elementScope, depth + 1);
                    default -> BodyOutcome.NONE;
                };
                if (o.is(RuleStatus.FAIL) || o.is(RuleStatus.ERROR)) {
                    String prefix = o.is(RuleStatus.FAIL) ? "validation failure: " : "";
                    return BodyOutcome.of(o.status().get(), prefix + o.message());
                }
                if (o.is(RuleStatus.PASS)) {
                    applied++;
                }
            }
        }
        return applied == 0 ? BodyOutcome.NONE : BodyOutcome.of(RuleStatus.PASS, "validation rule '" + rule.name() + "' passed.");
    }

    private static Object listOf(String expression, VariableScope scope) {
        String e = expression.trim();
        if (e.contains("{{")) {
            Object substituted = Variables.substitute(e, scope);
            if (!(substituted instanceof String s)) {
                return substituted;
            }
            e = s;
        }
        return scope.query(e);
    }
}
