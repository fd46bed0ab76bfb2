package dev.waiver.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// Both `kyverno-test.yaml` forms and the strict result checking of §9.3.
class KyvernoTestSpecTest {

    @Test
    void readsTheOldForm() {
        var spec = KyvernoTestSpec.of(Docs.one("""
                name: old
                policies: [p.yaml]
                resources: [r.yaml]
                results:
                - {policy: p, rule: r, resource: pod1, namespace: ns, kind: Pod, status: fail}
                """));
        assertTrue(spec.oldFormat());
        assertEquals("old", spec.name());
        var e = spec.results().get(0);
        assertEquals(List.of("pod1"), e.resources());
        assertEquals("ns", e.namespace());
        assertEquals(Optional.of(RuleStatus.FAIL), e.result());
    }

    @Test
    void missingResourceIsNotFoundAndUnmatchedCountsAsMet() {
        var spec = KyvernoTestSpec.of(Docs.one("""
                apiVersion: cli.kyverno.io/v1alpha1
                kind: Test
                metadata: {name: t}
                policies: [policy]
                resources: [resources]
                results:
                - {policy: p, rule: r, kind: Pod, resources: [ghost, svc], result: pass}
                """));
        Map<String, List<Map<String, Object>>> files = Map.of(
                "policy", Docs.yaml("""
                        apiVersion: kyverno.io/v1
                        kind: ClusterPolicy
                        metadata: {name: p}
                        spec:
                          rules:
                          - name: r
                            match: {any: [{resources: {kinds: [Pod]}}]}
                            validate: {pattern: {metadata: {name: "?*"}}}
                        """),
                "resources", Docs.yaml("apiVersion: v1\nkind: Service\nmetadata: {name: svc}\n"));
        var checks = KyvernoTestRunner.run(spec, files::get, Clock.systemUTC());
        assertFalse(checks.get(0).met());
        assertEquals("not found", checks.get(0).reason());
        assertTrue(checks.get(1).met(), "a Service gets no result from a Pod rule");
    }
}
