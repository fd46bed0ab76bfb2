package dev.waiver.app.cli;

import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/// Evaluation results as an aligned text table. A Skip caused by an exception shows what the
/// resource would get without it ("skip (would fail)"): that is what a reviewer weighs.
final class ResultsTable {

    private static final String[] HEADER = {"RESULT", "POLICY", "RULE", "RESOURCE", "MESSAGE", "EXCEPTION"};
    private static final int[] MAX = {24, 40, 40, 60, 70, 50};

    private ResultsTable() {
    }

    static void print(List<RuleResult> results, PrintWriter out) {
        var cells = new ArrayList<String[]>();
        cells.add(HEADER);
        for (RuleResult r : results) {
            var ref = r.resource();
            cells.add(new String[] {
                r.status().word() + r.hiddenResult().map(h -> " (would " + h.word() + ")").orElse(""),
                r.policyKey(), r.ruleName(),
                ref.kind() + "/" + ref.key(),
                r.status() == RuleStatus.SKIP && !r.exceptions().isEmpty() ? "-" : oneLine(r.message()),
                r.exceptions().isEmpty() ? "-" : String.join(",", r.exceptions())
            });
        }
        TextTable.print(cells, MAX, out);
        out.println();
        out.println(ResultRows.counts(results));
    }

    private static String oneLine(String message) {
        return message == null || message.isBlank() ? "-" : message.strip().replaceAll("\\s+", " ");
    }
}
