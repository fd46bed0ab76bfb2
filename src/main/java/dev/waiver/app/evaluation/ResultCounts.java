package dev.waiver.app.evaluation;

import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/// How many results of each kind, and how many Skips hide a failure: the closing line of
/// `waiver evaluate` and the counters of the Compliance screen, counted one way.
///
/// @param byStatus       results per status; a status that does not occur is absent
/// @param hiddenFailures Skips caused by an exception whose resource would fail without it
public record ResultCounts(Map<RuleStatus, Integer> byStatus, int hiddenFailures) {

    public ResultCounts {
        var ordered = new EnumMap<RuleStatus, Integer>(RuleStatus.class);
        ordered.putAll(byStatus);
        byStatus = Collections.unmodifiableMap(ordered);
    }

    public static ResultCounts of(Collection<RuleResult> results) {
        var counts = new EnumMap<RuleStatus, Integer>(RuleStatus.class);
        int hidden = 0;
        for (RuleResult r : results) {
            counts.merge(r.status(), 1, Integer::sum);
            if (hidesFailure(r)) {
                hidden++;
            }
        }
        return new ResultCounts(counts, hidden);
    }

    /// A Skip an exception caused, where the rule fails without the exception: what a reviewer weighs.
    public static boolean hidesFailure(RuleResult r) {
        return r.status() == RuleStatus.SKIP && r.hiddenResult().filter(h -> h == RuleStatus.FAIL).isPresent();
    }

    public int count(RuleStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    public int total() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /// `12 results: 5 pass, 3 fail, 4 skip (2 skipped by exceptions would fail)`: only the results that occur.
    public String sentence() {
        int total = total();
        String parts = byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().word())
                .collect(Collectors.joining(", "));
        return total + (total == 1 ? " result" : " results") + (parts.isEmpty() ? "" : ": " + parts)
                + (hiddenFailures > 0 ? " (" + hiddenFailures + " skipped by exceptions would fail)" : "");
    }
}
