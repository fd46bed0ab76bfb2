package dev.waiver.app.compliance;

import dev.waiver.app.evaluation.WorkspaceEvaluation;
import dev.waiver.app.exceptions.Fixture;
import dev.waiver.app.workspace.DemoWorkspace;
import dev.waiver.app.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;

/// The demo workspace evaluated once and turned into the Compliance table's rows, for the tests of the
/// filters and the detail, which need results but not the screen's background run.
final class DemoResults {

    static final Workspace DEMO = DemoWorkspace.loader(Fixture.CLOCK).load();
    static final WorkspaceEvaluation.Evaluation EVALUATION =
            WorkspaceEvaluation.evaluate(DEMO, Fixture.CLOCK, WorkspaceEvaluation.Monitor.NONE);
    static final List<ResultRow> ROWS = rows(EVALUATION);

    private DemoResults() {
    }

    private static List<ResultRow> rows(WorkspaceEvaluation.Evaluation evaluation) {
        var rows = new ArrayList<ResultRow>();
        for (var checked : evaluation.results()) {
            rows.add(ResultRow.of(rows.size(), checked));
        }
        return List.copyOf(rows);
    }

    static ResultRow row(List<ResultRow> rows, String kind, String name, String rule) {
        return rows.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name) && r.rule().equals(rule))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + kind + " " + name + " " + rule));
    }
}
