package dev.waiver.app.compliance;

import dev.waiver.app.evaluation.EvaluationInputs;
import dev.waiver.app.evaluation.WorkspaceEvaluation;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/// The sentences the Compliance screen says about a run: the summary beside the run bar (which workspace,
/// how much of it, when) and what the results table shows instead of rows (why it has none). Kept out of
/// [ComplianceViewModel] so that class keeps to running the evaluation, and the wording sits in one place.
final class ComplianceTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ComplianceTexts() {
    }

    /// `Demo: 30 resources against 13 policies, honouring 18 Active exceptions (18 others not in effect) · 2026-11-23 12:00 UTC`
    static String summary(WorkspaceEvaluation.Evaluation e, String title) {
        EvaluationInputs in = e.inputs();
        int honoured = in.exceptions().size();
        int notHonoured = in.notHonoured().size();
        return title + ": " + plural(in.resources().size(), "resource") + " against " + plural(in.policies().size(), "policy")
                + ", honouring " + plural(honoured, "Active exception")
                + (notHonoured > 0 ? " (" + notHonoured + " others not in effect)" : "")
                + " · evaluated " + TIME.format(e.at());
    }

    /// Why the table is empty, or (when it is only the filters) that no result matches them.
    ///
    /// @param evaluation the run shown, or null before the first one
    /// @param hasRows    whether the run shown has any result at all, before the filters
    static String placeholder(WorkspaceEvaluation.Evaluation evaluation, boolean running, boolean workspaceOpen,
                              boolean hasRows) {
        if (evaluation == null) {
            return running ? "Evaluating…" : !workspaceOpen ? "Open a workspace to evaluate it"
                    : "Not evaluated yet: press Re-run to evaluate this workspace";
        }
        if (evaluation.inputs().resources().isEmpty()) {
            return "Nothing to evaluate: this workspace holds no resources (workloads, namespaces), only policies and"
                    + " exceptions. Open a folder with its workloads, or a cluster, to see what passes and fails.";
        }
        if (evaluation.inputs().policies().isEmpty()) {
            return "Nothing to evaluate: this workspace holds no Kyverno ClusterPolicy or Policy to check its "
                    + plural(evaluation.inputs().resources().size(), "resource") + " against.";
        }
        if (!hasRows) {
            return "No policy rule applies to the " + plural(evaluation.inputs().resources().size(), "resource")
                    + " of this workspace.";
        }
        return "No result matches these filters";
    }

    private static String plural(int n, String noun) {
        String many = noun.endsWith("policy") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return n + " " + (n == 1 ? noun : many);
    }
}
