package dev.waiver.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// The pipeline: autogen names, exceptions (wildcards, conditions, hidden result), expiry.
class EvaluatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    private static final String POLICY = """
            apiVersion: kyverno.io/v1
            kind: ClusterPolicy
            metadata: {name: disallow-latest}
            spec:
              rules:
              - name: no-latest
                match: {any: [{resources: {kinds: [Pod]}}]}
                validate:
                  message: no latest tag
                  pattern:
                    spec:
                      containers:
                      - image: "!*:latest"
            """;

    private static final String PODS = """
            apiVersion: v1
            kind: Pod
            metadata: {name: bad, namespace: team-a, labels: {team: a}}
            spec: {containers: [{name: c, image: 'nginx:latest'}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: good, namespace: team-a}
            spec: {containers: [{name: c, image: 'nginx:1.2'}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: team-a}
            spec: {template: {metadata: {labels: {team: a}}, spec: {containers: [{name: c, image: 'nginx:latest'}]}}}
            """;

    private static List<RuleResult> run(String exceptions) {
        var ex = exceptions.isEmpty() ? List.<Map<String, Object>>of() : Docs.yaml(exceptions);
        return new Evaluator().evaluate(Docs.yaml(POLICY), Docs.yaml(PODS), ex, EvaluationContext.of(CLOCK));
    }

    private static RuleResult result(List<RuleResult> results, String name) {
        return results.stream().filter(r -> r.resource().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void autogenRuleChecksTheDeploymentTemplate() {
        var results = run("");
        assertEquals(RuleStatus.FAIL, result(results, "bad").status());
        assertEquals(RuleStatus.PASS, result(results, "good").status());
        RuleResult web = result(results, "web");
        assertEquals("autogen-no-latest", web.ruleName());
        assertEquals(RuleStatus.FAIL, web.status());
        assertTrue(result(results, "bad").message().contains("failed at path /spec/containers/0/image/"));
    }

    @Test
    void exceptionWithWildcardRuleNameCoversAutogenAndSkipCarriesHiddenResult() {
        var results = run("""
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata: {name: allow, namespace: kyverno}
                spec:
                  exceptions:
                  - policyName: disallow-latest
                    ruleNames: ["*no-latest"]
                  match:
                    any:
                    - resources: {namespaces: [team-a]}
                """);
        for (String name : List.of("bad", "good", "web")) {
            RuleResult r = result(results, name);
            assertEquals(RuleStatus.SKIP, r.status(), name);
            assertEquals(List.of("kyverno/allow"), r.exceptions());
        }
        assertEquals(Optional.of(RuleStatus.FAIL), result(results, "bad").hiddenResult());
        assertEquals(Optional.of(RuleStatus.PASS), result(results, "good").hiddenResult());
        assertEquals(Optional.of(RuleStatus.FAIL), result(results, "web").hiddenResult());
        assertTrue(result(results, "bad").message().startsWith("rule is skipped due to policy exceptionskyverno/allow"));
    }

    @Test
    void exceptionListingOnlyTheOriginalRuleDoesNotCoverDeployments() {
        var results = run("""
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata: {name: allow, namespace: kyverno}
                spec:
                  exceptions: [{policyName: disallow-latest, ruleNames: [no-latest]}]
                  match: {any: [{resources: {kinds: [Pod, Deployment]}}]}
                """);
        assertEquals(RuleStatus.SKIP, result(results, "bad").status());
        assertEquals(RuleStatus.FAIL, result(results, "web").status());
    }

    @Test
    void exceptionWhoseConditionsErrorIsIgnored() {
        var results = run("""
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata: {name: allow, namespace: kyverno}
                spec:
                  exceptions: [{policyName: disallow-latest, ruleNames: ["*"]}]
                  match: {any: [{resources: {kinds: [Pod]}}]}
                  conditions:
                    any:
                    - key: "{{ request.object.metadata.labels.team }}"
                      operator: NotEquals
                      value: b
                """);
        assertEquals(RuleStatus.SKIP, result(results, "bad").status(), "label present: condition holds");
        assertEquals(RuleStatus.PASS, result(results, "good").status(), "no labels: Unknown key, exception ignored");
    }

    @Test
    void expiryWithTimeBeforeWorksAndLessThanNeverDoes() {
        String template = """
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata: {name: allow, namespace: kyverno}
                spec:
                  exceptions: [{policyName: disallow-latest, ruleNames: ["*"]}]
                  match: {any: [{resources: {kinds: [Pod]}}]}
                  conditions:
                    all:
                    - %s
                """;
        var working = run(template.formatted(
                "{key: \"{{ time_before('{{ time_now_utc() }}', '2026-12-01T00:00:00Z') }}\", operator: Equals, value: true}"));
        assertEquals(RuleStatus.SKIP, result(working, "bad").status());
        var expired = run(template.formatted(
                "{key: \"{{ time_before('{{ time_now_utc() }}', '2026-01-01T00:00:00Z') }}\", operator: Equals, value: true}"));
        assertEquals(RuleStatus.FAIL, result(expired, "bad").status());
        var pitfall = run(template.formatted(
                "{key: \"{{ time_now_utc() }}\", operator: LessThan, value: '2026-12-01T00:00:00Z'}"));
        assertEquals(RuleStatus.FAIL, result(pitfall, "bad").status());
    }

    @Test
    void preconditionsNotMetSkipBeforeExceptions() {
        String policy = """
                apiVersion: kyverno.io/v1
                kind: ClusterPolicy
                metadata: {name: p}
                spec:
                  rules:
                  - name: r
                    match: {any: [{resources: {kinds: [Pod]}}]}
                    preconditions:
                      all: [{key: "{{ request.object.metadata.labels.team || '' }}", operator: Equals, value: a}]
                    validate:
                      deny: {conditions: {any: [{key: "{{ request.object.metadata.name }}", operator: Equals, value: bad}]}}
                """;
        var results = new Evaluator().evaluate(Docs.yaml(policy), Docs.yaml(PODS), List.of(), EvaluationContext.of(CLOCK));
        assertEquals(RuleStatus.FAIL, result(results, "bad").status());
        assertEquals(RuleStatus.SKIP, result(results, "good").status());
        assertEquals("preconditions not met", result(results, "good").message());
    }

    @Test
    void scoredFalseTurnsFailIntoWarn() {
        String policy = POLICY.replace("metadata: {name: disallow-latest}",
                "metadata: {name: disallow-latest, annotations: {policies.kyverno.io/scored: 'false'}}");
        var results = new Evaluator().evaluate(Docs.yaml(policy), Docs.yaml(PODS), List.of(), EvaluationContext.of(CLOCK));
        assertEquals(RuleStatus.WARN, result(results, "bad").status());
    }
}
