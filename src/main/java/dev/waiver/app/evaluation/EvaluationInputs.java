package dev.waiver.app.evaluation;

import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.LoadResult;
import dev.waiver.app.workspace.SourcedDocument;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.engine.evaluation.ClusterScope;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.exemption.StatusRules;
import dev.waiver.engine.tree.Trees;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// What `waiver evaluate` works on, read from files and sorted by kind: policies, resources, the
/// exceptions the cluster honours now (and those it does not, with why), and namespace labels.
///
/// @param notHonoured exceptions left out, `ns/name` → their status
/// @param ignored          documents that are not Kubernetes objects, as problems that do not stop the run
/// @param resourceContexts the kubeconfig context each resource was read from, index by index; empty when
///                         they were read from files
public record EvaluationInputs(List<Map<String, Object>> policies, List<Map<String, Object>> resources,
                               List<Map<String, Object>> exceptions, Map<String, ExemptionStatus> notHonoured,
                               Map<String, Map<String, Object>> namespaceLabels, List<LoadProblem> problems,
                               List<LoadProblem> ignored, List<String> resourceContexts) {

    /// The context the resource at `index` was read from, or empty.
    public Optional<String> contextOf(int index) {
        return resourceContexts.isEmpty() ? Optional.empty() : Optional.of(resourceContexts.get(index));
    }

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
            if (isTestFile(tree)) {
                continue;
            }
            if (!isObject(tree)) {
                ignored.add(notAnObject(d.file(), d.line()));
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
                namespaceLabels(resources), read.problems(), ignored, List.of());
    }

    /// The open workspace sorted the same way: its policies, its other objects as resources, and of its
    /// exceptions those Active at `now`. The status is the workspace's own reading of each exception (a
    /// cluster's, a folder's, a stored request's), so the window honours exactly what its register shows
    /// as Active. Two exceptions with one `namespace/name` (copies in a folder) count once, as in a cluster.
    /// The workspace's load problems are carried along; the window shows them elsewhere and evaluates what
    /// could be read.
    public static EvaluationInputs of(Workspace workspace, Instant now) {
        var resources = new ArrayList<Map<String, Object>>();
        var contexts = new ArrayList<String>();
        var ignored = new ArrayList<LoadProblem>();
        List<Map<String, Object>> others = workspace.otherDocuments();
        for (int i = 0; i < others.size(); i++) {
            Map<String, Object> tree = others.get(i);
            if (isTestFile(tree) || "PolicyException".equals(tree.get("kind"))) {
                continue;
            }
            if (isObject(tree)) {
                resources.add(tree);
                workspace.contextOfOther(i).ifPresent(contexts::add);
            } else {
                ignored.add(notAnObject(workspace.title(), 0));
            }
        }
        var exceptions = new ArrayList<Map<String, Object>>();
        var notHonoured = new LinkedHashMap<String, ExemptionStatus>();
        var seen = new HashSet<String>();
        for (Exemption e : workspace.exemptions()) {
            ExemptionStatus status = StatusRules.statusAt(e, now);
            if (status != ExemptionStatus.ACTIVE) {
                notHonoured.putIfAbsent(e.qualifiedName(), status);
            } else if (seen.add(e.qualifiedName())) {
                exceptions.add(e.document().thaw());
            }
        }
        return new EvaluationInputs(workspace.policyDocuments(), ClusterScope.withDefaultNamespace(resources), exceptions,
                notHonoured, namespaceLabels(resources), workspace.problems(), ignored, contexts);
    }

    /// A `kyverno test` file or values file: input for `waiver test`, not an object to evaluate.
    private static boolean isTestFile(Map<String, Object> tree) {
        String kind = Trees.string(tree, "kind").orElse("");
        return Trees.string(tree, "apiVersion").orElse("").startsWith("cli.kyverno.io/")
                || (kind.isEmpty() && tree.containsKey("results"));
    }

    private static boolean isObject(Map<String, Object> tree) {
        return Trees.string(tree, "kind").filter(k -> !k.isEmpty()).isPresent()
                && Trees.string(tree, "apiVersion").filter(a -> !a.isEmpty()).isPresent();
    }

    private static LoadProblem notAnObject(String file, int line) {
        return new LoadProblem(file, line, "not a Kubernetes object (no apiVersion or kind); ignored");
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
