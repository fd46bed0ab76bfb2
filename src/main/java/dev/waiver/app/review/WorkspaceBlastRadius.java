package dev.waiver.app.review;

import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.evaluation.ClusterScope;
import dev.waiver.engine.evaluation.EvaluationContext;
import dev.waiver.engine.evaluation.PolicySet;
import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.StatusRules;
import dev.waiver.engine.tree.Trees;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.value.ObservableValue;

/// The blast radius over the open workspace: its policies and resources evaluated the way
/// `waiver evaluate` does (namespaced resources default to `default`, namespace labels from the Namespace
/// objects, only Active exceptions honoured), once more with the candidate honoured too. A check counts
/// when the candidate alone turns its failure into a Skip; one another exception already hides is no news.
public final class WorkspaceBlastRadius implements BlastRadius {

    private final Clock clock;
    /// Mirrored from the FX thread, read on the background thread that evaluates.
    private volatile Workspace workspace;

    public WorkspaceBlastRadius(ObservableValue<Workspace> workspace, Clock clock) {
        this.clock = clock;
        this.workspace = workspace.getValue();
        workspace.addListener((obs, old, now) -> this.workspace = now);
    }

    @Override
    public List<String> wouldSkip(Exemption candidate) {
        Workspace ws = workspace;
        if (ws == null) {
            return List.of();
        }
        Set<String> named = Set.copyOf(candidate.policies());
        // An exception only changes the results of the policies it names.
        var policies = ws.policyDocuments().stream()
                .filter(p -> named.contains(KyvernoObjects.toPolicySummary(p).key())).toList();
        if (policies.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        var exceptions = new ArrayList<Map<String, Object>>();
        var honoured = new LinkedHashSet<String>();
        for (Exemption e : ws.exemptions()) {
            // The candidate's own copy in the workspace (an applied request) is the candidate, not another.
            if (!e.qualifiedName().equals(candidate.qualifiedName()) && StatusRules.statusAt(e, now) == ExemptionStatus.ACTIVE
                    && honoured.add(e.qualifiedName())) {
                exceptions.add(e.document());
            }
        }
        exceptions.add(candidate.document());
        var resources = ClusterScope.withDefaultNamespace(ws.otherDocuments());
        var context = EvaluationContext.of(clock).withNamespaceLabels(namespaceLabels(resources));
        var lines = new ArrayList<String>();
        for (RuleResult r : PolicySet.compile(policies, exceptions).evaluate(resources, context)) {
            if (r.status() == RuleStatus.SKIP && r.exceptions().equals(List.of(candidate.qualifiedName()))
                    && r.hiddenResult().filter(h -> h == RuleStatus.FAIL).isPresent()) {
                lines.add(r.resource().kind() + " " + r.resource().key() + ": " + r.policyKey() + " / " + r.ruleName());
            }
        }
        return List.copyOf(lines);
    }

    /// Labels of the Namespace objects, for `namespaceSelector`, as `waiver evaluate` reads them.
    private static Map<String, Map<String, Object>> namespaceLabels(List<Map<String, Object>> resources) {
        var labels = new LinkedHashMap<String, Map<String, Object>>();
        for (var r : resources) {
            if ("Namespace".equals(r.get("kind"))) {
                Trees.string(r, "metadata", "name").ifPresent(n -> labels.put(n, Trees.map(r, "metadata", "labels")));
            }
        }
        return labels;
    }
}
