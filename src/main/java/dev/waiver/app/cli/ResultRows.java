package dev.waiver.app.cli;

import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/// Evaluation results as plain rows for `-o json` and `-o yaml` (the fields design.md section 4
/// promises scripts), and the closing count line of the table.
final class ResultRows {

    private ResultRows() {
    }

    static List<Map<String, Object>> of(List<RuleResult> results) {
        return results.stream().map(ResultRows::row).toList();
    }

    private static Map<String, Object> row(RuleResult r) {
        var resource = new LinkedHashMap<String, Object>();
        resource.put("apiVersion", r.resource().apiVersion());
        resource.put("kind", r.resource().kind());
        resource.put("namespace", r.resource().namespace().isEmpty() ? null : r.resource().namespace());
        resource.put("name", r.resource().name());
        var row = new LinkedHashMap<String, Object>();
        row.put("policy", r.policyKey());
        row.put("rule", r.ruleName());
        row.put("resource", resource);
        row.put("result", r.status().word());
        row.put("message", r.message());
        row.put("exception", exception(r));
        row.put("hiddenResult", r.hiddenResult().map(RuleStatus::word).orElse(null));
        return row;
    }

    /// `ns/name` of the exception behind a Skip (comma-separated when several applied), else null.
    static String exception(RuleResult r) {
        return r.exceptions().isEmpty() ? null : String.join(",", r.exceptions());
    }

    /// `12 results: 5 pass, 3 fail, 4 skip (2 hiding a fail)`: only the results that occur.
    static String counts(List<RuleResult> results) {
        var counts = new EnumMap<RuleStatus, Integer>(RuleStatus.class);
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        long hidden = results.stream().filter(r -> r.hiddenResult().filter(h -> h == RuleStatus.FAIL).isPresent()).count();
        String parts = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().word())
                .collect(Collectors.joining(", "));
        return results.size() + (results.size() == 1 ? " result" : " results") + (parts.isEmpty() ? "" : ": " + parts)
                + (hidden > 0 ? " (" + hidden + " skipped by exceptions would fail)" : "");
    }
}
