package dev.waiver.app.evaluation;

import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.evaluation.EvaluationContext;
import dev.waiver.engine.evaluation.PolicySet;
import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.tree.Trees;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/// The open workspace evaluated the way `waiver evaluate` evaluates files: [EvaluationInputs#of(Workspace, Instant)]
/// sorts it (only Active exceptions honoured, namespaced resources default to `default`), namespace labels
/// come from its Namespace objects, and the engine's [PolicySet] decides. The window's two questions use it:
/// the Compliance screen (every result) and "what does this exception cover?" (also the blast radius a
/// reviewer sees before approving).
///
/// Evaluation goes one resource at a time, so a caller can follow the progress and stop between resources.
/// Call it off the FX thread.
public final class WorkspaceEvaluation {

    private WorkspaceEvaluation() {
    }

    /// Asked between resources, on the evaluating thread.
    public interface Monitor {
        Monitor NONE = new Monitor() {
            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void progress(int done, int total) {
            }
        };

        /// True stops the run before the next resource.
        boolean cancelled();

        /// `done` of `total` resources evaluated.
        void progress(int done, int total);
    }

    /// One result with the resource it is about, as evaluated (namespace defaulted), and the kubeconfig
    /// context the resource was read from (empty for a folder or the demo).
    public record Checked(RuleResult result, Map<String, Object> resource, Optional<String> context) {

        public Checked(RuleResult result, Map<String, Object> resource) {
            this(result, resource, Optional.empty());
        }
    }

    /// A finished run: what went in, the compiled policies (to show a rule as it ran) and every result.
    public record Evaluation(EvaluationInputs inputs, PolicySet policySet, List<Checked> results, Instant at) {

        public Evaluation {
            results = List.copyOf(results);
        }

        /// The rule as the evaluator ran it (an `autogen-` rule as generated), if the policy has it.
        public Optional<Map<String, Object>> ruleDocument(String policyKey, String ruleName) {
            return policySet.policies().stream().filter(p -> p.key().equals(policyKey)).findFirst()
                    .flatMap(p -> p.ruleDocument(ruleName));
        }

        public List<RuleResult> ruleResults() {
            return results.stream().map(Checked::result).toList();
        }
    }

    /// Evaluates every policy of the workspace on every resource, honouring its Active exceptions.
    ///
    /// @throws CancellationException when the monitor says so; nothing of the run is kept
    public static Evaluation evaluate(Workspace workspace, Clock clock, Monitor monitor) {
        Instant now = clock.instant();
        EvaluationInputs inputs = EvaluationInputs.of(workspace, now);
        PolicySet set = PolicySet.compile(inputs.policies(), inputs.exceptions());
        return new Evaluation(inputs, set, run(set, inputs, clock, monitor), now);
    }

    private static List<Checked> run(PolicySet set, EvaluationInputs inputs, Clock clock, Monitor monitor) {
        EvaluationContext context = EvaluationContext.of(clock).withNamespaceLabels(inputs.namespaceLabels());
        List<Map<String, Object>> resources = inputs.resources();
        var out = new ArrayList<Checked>();
        if (set.policies().isEmpty()) {
            return out;
        }
        int total = resources.size();
        for (int i = 0; i < total; i++) {
            if (monitor.cancelled()) {
                throw new CancellationException("evaluation cancelled after " + i + " of " + total + " resources");
            }
            Map<String, Object> resource = resources.get(i);
            for (RuleResult r : set.evaluate(List.of(resource), context)) {
                out.add(new Checked(r, resource, inputs.contextOf(i)));
            }
            monitor.progress(i + 1, total);
        }
        return out;
    }

    /// One failed check an exception turns into a Skip.
    ///
    /// @param alsoBy other exceptions that skip the same check (the failure stays hidden without this one)
    public record Covered(RuleResult result, List<String> alsoBy) {

        public Covered {
            alsoBy = List.copyOf(alsoBy);
        }

        /// `Pod payments/vendor-api: require-image-signature / check-image-signature`
        public String line() {
            return result.resource().kind() + " " + result.resource().key() + ": " + result.policyKey() + " / "
                    + result.ruleName();
        }
    }

    /// What one exception does in the workspace, with every other Active exception honoured beside it.
    ///
    /// @param failures       the failed checks it turns into Skips
    /// @param passingAnyway  checks it skips that pass (or warn, or error) without it: matched, but nothing to hide
    /// @param policiesKnown  whether the workspace holds any policy the exception names
    /// @param resources      how many resources the workspace holds to evaluate
    public record Coverage(List<Covered> failures, int passingAnyway, boolean policiesKnown, int resources) {

        public Coverage {
            failures = List.copyOf(failures);
        }

        /// The failures only this exception hides: what honouring it changes.
        public List<Covered> alone() {
            return failures.stream().filter(c -> c.alsoBy().isEmpty()).toList();
        }
    }

    /// Evaluates the policies `candidate` names with it honoured (whatever its status, as if the cluster
    /// honoured it now) beside every other Active exception. Its own copy in the workspace counts as the
    /// candidate, not as another exception.
    public static Coverage coverage(Workspace workspace, Exemption candidate, Clock clock) {
        if (workspace == null) {
            return new Coverage(List.of(), 0, false, 0);
        }
        Instant now = clock.instant();
        EvaluationInputs inputs = EvaluationInputs.of(workspace, now);
        Set<String> named = Set.copyOf(candidate.policies());
        // An exception only changes the results of the policies it names.
        var policies = inputs.policies().stream().filter(p -> named.contains(KyvernoObjects.toPolicySummary(p).key()))
                .toList();
        if (policies.isEmpty()) {
            return new Coverage(List.of(), 0, false, inputs.resources().size());
        }
        String key = candidate.qualifiedName();
        var exceptions = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> e : inputs.exceptions()) {
            if (!qualifiedName(e).equals(key)) {
                exceptions.add(e);
            }
        }
        exceptions.add(candidate.document().thaw());
        PolicySet set = PolicySet.compile(policies, exceptions);
        var failures = new ArrayList<Covered>();
        int passing = 0;
        for (Checked c : run(set, inputs, clock, Monitor.NONE)) {
            RuleResult r = c.result();
            if (r.status() != RuleStatus.SKIP || !r.exceptions().contains(key)) {
                continue;
            }
            if (ResultCounts.hidesFailure(r)) {
                failures.add(new Covered(r, r.exceptions().stream().filter(x -> !x.equals(key)).toList()));
            } else {
                passing++;
            }
        }
        return new Coverage(failures, passing, true, inputs.resources().size());
    }

    private static String qualifiedName(Map<String, Object> exception) {
        String namespace = Trees.string(exception, "metadata", "namespace").orElse("");
        String name = Trees.string(exception, "metadata", "name").orElse("");
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
