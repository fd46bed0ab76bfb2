package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// A Kubernetes label selector (`matchLabels`, `matchExpressions`). Kyverno lets `matchLabels`
/// keys and values carry wildcards, matched against the actual labels.
record LabelSelector(Map<String, Object> matchLabels, List<Map<String, Object>> expressions) {

    static LabelSelector of(Object tree) {
        var m = Trees.asMap(tree);
        var expressions = new ArrayList<Map<String, Object>>();
        for (Object e : Trees.asList(m.get("matchExpressions"))) {
            expressions.add(Trees.asMap(e));
        }
        return new LabelSelector(Trees.asMap(m.get("matchLabels")), expressions);
    }

    boolean matches(Map<String, Object> labels) {
        for (var e : matchLabels.entrySet()) {
            String key = e.getKey();
            String value = Trees.sprint(e.getValue());
            boolean found = false;
            if (Wildcard.hasWildcard(key)) {
                for (var l : labels.entrySet()) {
                    if (Wildcard.match(key, l.getKey()) && Wildcard.match(value, Trees.sprint(l.getValue()))) {
                        found = true;
                        break;
                    }
                }
            } else {
                Object actual = labels.get(key);
                found = actual != null && Wildcard.match(value, Trees.sprint(actual));
            }
            if (!found) {
                return false;
            }
        }
        for (var expr : expressions) {
            String key = String.valueOf(expr.get("key"));
            String op = String.valueOf(expr.get("operator"));
            var values = Trees.asList(expr.get("values")).stream().map(Trees::sprint).toList();
            Object actual = labels.get(key);
            boolean ok = switch (op) {
                case "In" -> actual != null && values.contains(Trees.sprint(actual));
                case "NotIn" -> actual == null || !values.contains(Trees.sprint(actual));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
