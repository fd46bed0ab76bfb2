package dev.waiver.app.cli;

import dev.waiver.app.evaluation.ResultCounts;
import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /// `12 results: 5 pass, 3 fail, 4 skip (2 skipped by exceptions would fail)`: only the results that occur.
    static String counts(List<RuleResult> results) {
        return ResultCounts.of(results).sentence();
    }
}
