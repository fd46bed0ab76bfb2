package dev.waiver.engine.evaluation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Runs a `kyverno test` specification (§9.3) and says, for every expected result and named
/// resource, whether it is met. File access stays with the caller through [DocumentSource].
public final class KyvernoTestRunner {

    /// Supplies the documents of a file (or folder) named in the test file.
    @FunctionalInterface
    public interface DocumentSource {
        List<Map<String, Object>> documents(String reference);
    }

    /// One expected result for one named resource.
    public record Check(KyvernoTestSpec.Expectation expectation, String resource, boolean met, String reason) {
    }

    private KyvernoTestRunner() {
    }

    public static List<Check> run(KyvernoTestSpec spec, DocumentSource source, Clock clock) {
        var policies = new ArrayList<Map<String, Object>>();
        spec.policies().forEach(p -> policies.addAll(source.documents(p)));
        var exceptions = new ArrayList<Map<String, Object>>();
        spec.exceptions().forEach(e -> exceptions.addAll(source.documents(e)));
        for (var doc : policies) {
            if ("PolicyException".equals(doc.get("kind"))) {
                exceptions.add(doc);
            }
        }
        var resources = new ArrayList<Map<String, Object>>();
        spec.resources().forEach(r -> resources.addAll(ClusterScope.withDefaultNamespace(source.documents(r))));
        Map<String, Object> values = new LinkedHashMap<>(spec.inlineValues());
        if (spec.variables().isPresent()) {
            source.documents(spec.variables().get()).stream().findFirst().ifPresent(values::putAll);
        }
        EvaluationContext ctx = EvaluationContext.fromValues(values, clock);
        PolicySet set = PolicySet.compile(policies, exceptions);
        var byOperation = new LinkedHashMap<Optional<String>, List<RuleResult>>();
        var checks = new ArrayList<Check>();
        for (KyvernoTestSpec.Expectation e : spec.results()) {
            List<RuleResult> results = byOperation.computeIfAbsent(e.operation(),
                    op -> set.evaluate(resources, op.map(ctx::withOperation).orElse(ctx)));
            for (String name : e.resources()) {
                checks.add(check(e, name, resources, results));
            }
        }
        return checks;
    }

    private static Check check(KyvernoTestSpec.Expectation e, String name, List<Map<String, Object>> resources,
                               List<RuleResult> results) {
        String wantNamespace = name.contains("/") ? name.substring(0, name.indexOf('/')) : e.namespace();
        String wantName = name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
        boolean exists = resources.stream().anyMatch(r -> Trees.string(r, "metadata", "name").orElse("").equals(wantName)
                && (wantNamespace.isEmpty() || Trees.string(r, "metadata", "namespace").orElse("").equals(wantNamespace)));
        if (!exists) {
            return new Check(e, name, false, "not found");
        }
        if (e.result().isEmpty()) {
            return new Check(e, name, false, "unknown expected result '" + e.rawResult() + "'");
        }
        String policyName = lastPart(e.policy());
        var got = new ArrayList<RuleResult>();
        for (RuleResult r : results) {
            if (!r.resource().name().equals(wantName)
                    || (!wantNamespace.isEmpty() && !r.resource().namespace().equals(wantNamespace))) {
                continue;
            }
            if (!lastPart(r.policyKey()).equals(policyName)) {
                continue;
            }
            String rule = r.ruleName();
            if (e.rule().isEmpty() || rule.equals(e.rule()) || rule.equals("autogen-" + e.rule())
                    || rule.equals("autogen-cronjob-" + e.rule())) {
                got.add(r);
            }
        }
        if (got.isEmpty()) {
            return new Check(e, name, true, "excluded (no rule result)");
        }
        for (RuleResult r : got) {
            if (r.status() != e.result().get()) {
                return new Check(e, name, false, "want " + e.result().get().word() + ", got " + r.status().word()
                        + " (" + r.ruleName() + ": " + r.message() + ")");
            }
        }
        return new Check(e, name, true, "ok");
    }

    private static String lastPart(String key) {
        int i = key.lastIndexOf('/');
        return i < 0 ? key : key.substring(i + 1);
    }
}
