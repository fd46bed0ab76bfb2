package dev.waiver.app.evaluation;

import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.LoadResult;
import dev.waiver.app.workspace.SourcedDocument;
import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.engine.evaluation.ClusterScope;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.exemption.StatusRules;
import dev.waiver.engine.tree.Trees;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// What `waiver evaluate` works on, read from files and sorted by kind: policies, resources, the
/// exceptions the cluster honours now (and those it does not, with why), and namespace labels.
///
/// @param notHonoured exceptions left out, `ns/name` → their status
/// @param ignored     documents that are not Kubernetes objects, as problems that do not stop the run
public record EvaluationInputs(List<Map<String, Object>> policies, List<Map<String, Object>> resources,
                               List<Map<String, Object>> exceptions, Map<String, ExemptionStatus> notHonoured,
                               Map<String, Map<String, Object>> namespaceLabels, List<LoadProblem> problems,
                               List<LoadProblem> ignored) {

    /// Reads every path once (a file named by two options is read once), then sorts the documents:
    /// ClusterPolicy / Policy are policies, PolicyException are exceptions wherever they were found,
    /// everything else is a resource. `kyverno test` files and values files are skipped.
    ///
    /// Only exceptions whose status is Active at `now` count: Kyverno honours an exception whose
    /// conditions hold, but Waiver also knows the review facts on it, and an exception that is In
    /// Review, rejected, revoked, switched off or past its end is one the cluster does not (or soon
    /// will not) honour; showing its resources as Skip would hide the very failures a reviewer needs.
    public static EvaluationInputs load(List<Path> paths, Instant now) {
        return of(YamlDocuments.readPaths(paths), now);
    }

    /// Sorts documents already read (files, or a cluster's objects beside them) the same way.
    public static EvaluationInputs of(LoadResult read, Instant now) {
        var policies = new ArrayList<Map<String, Object>>();
        var resources = new ArrayList<Map<String, Object>>();
        var exceptions = new ArrayList<Map<String, Object>>();
        var notHonoured = new LinkedHashMap<String, ExemptionStatus>();
        var ignored = new ArrayList<LoadProblem>();
        for (SourcedDocument d : read.documents()) {
            Map<String, Object> tree = d.tree();
            String kind = Trees.string(tree, "kind").orElse("");
            String apiVersion = Trees.string(tree, "apiVersion").orElse("");
            if (apiVersion.startsWith("cli.kyverno.io/") || (kind.isEmpty() && tree.containsKey("results"))) {
                continue;
            }
            if (kind.isEmpty() || apiVersion.isEmpty()) {
                ignored.add(new LoadProblem(d.file(), d.line(), "not a Kubernetes object (no apiVersion or kind); ignored"));
            } else if (KyvernoObjects.isPolicy(tree)) {
                policies.add(tree);
            } else if (kind.equals("PolicyException")) {
                var exemption = KyvernoObjects.toExemption(tree, Source.folder(d.file()), Optional.empty());
                ExemptionStatus status = StatusRules.statusAt(exemption, now);
                if (status == ExemptionStatus.ACTIVE) {
                    exceptions.add(tree);
                } else {
                    notHonoured.put(exemption.namespace() + "/" + exemption.name(), status);
                }
            } else {
                resources.add(tree);
            }
        }
        return new EvaluationInputs(policies, ClusterScope.withDefaultNamespace(resources), exceptions, notHonoured,
                namespaceLabels(resources), read.problems(), ignored);
    }

    /// Labels of the Namespace objects among the resources, for `namespaceSelector`.
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
