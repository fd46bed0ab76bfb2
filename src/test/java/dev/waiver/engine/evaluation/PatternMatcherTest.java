package dev.waiver.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.engine.evaluation.PatternMatcher.Outcome.Kind;
import org.junit.jupiter.api.Test;

/// The overlay pattern rules of §6.1 that are easy to get wrong.
class PatternMatcherTest {

    private static Kind check(String resource, String pattern) {
        return PatternMatcher.match(Trees.normalize(Docs.one(resource)), Trees.normalize(Docs.one(pattern))).kind();
    }

    @Test
    void conditionalAnchorThatDoesNotHoldSkipsInsteadOfFailing() {
        String pattern = """
                spec:
                  containers:
                  - (image): "*:latest"
                    imagePullPolicy: Always
                """;
        assertEquals(Kind.SKIP, check("spec: {containers: [{image: 'nginx:1.2', imagePullPolicy: IfNotPresent}]}", pattern));
        assertEquals(Kind.FAIL, check("spec: {containers: [{image: 'nginx:latest', imagePullPolicy: IfNotPresent}]}", pattern));
        assertEquals(Kind.PASS, check("""
                spec: {containers: [{image: 'nginx:latest', imagePullPolicy: Always}, {image: 'a:1'}]}
                """, pattern));
    }

    @Test
    void negationAnchorFailsOnPresenceWhateverTheValue() {
        String pattern = "spec: {X(hostPID): 'null'}";
        assertEquals(Kind.FAIL, check("spec: {hostPID: false}", pattern));
        assertEquals(Kind.PASS, check("spec: {}", pattern));
    }

    @Test
    void equalityAnchorIsOptionalButCheckedWhenPresent() {
        String pattern = "spec: {=(hostNetwork): false}";
        assertEquals(Kind.PASS, check("spec: {}", pattern));
        assertEquals(Kind.PASS, check("spec: {hostNetwork: false}", pattern));
        assertEquals(Kind.FAIL, check("spec: {hostNetwork: true}", pattern));
    }

    @Test
    void globalAnchorSkipsTheWholeRuleBeforeSiblingsFail() {
        String pattern = "spec: {<(type): LoadBalancer, externalTrafficPolicy: Local}";
        assertEquals(Kind.SKIP, check("spec: {type: ClusterIP, externalTrafficPolicy: Cluster}", pattern));
        assertEquals(Kind.FAIL, check("spec: {type: LoadBalancer, externalTrafficPolicy: Cluster}", pattern));
    }

    @Test
    void existenceAnchorNeedsOneMatchingElement() {
        String pattern = "spec: {^(containers): [{image: 'nginx*'}]}";
        assertEquals(Kind.PASS, check("spec: {containers: [{image: busybox}, {image: nginx}]}", pattern));
        assertEquals(Kind.FAIL, check("spec: {containers: [{image: busybox}]}", pattern));
    }

    @Test
    void missingFieldPassesLessThanAndFailsGreaterThan() {
        assertEquals(Kind.PASS, check("spec: {}", "spec: {replicas: '<5'}"));
        assertEquals(Kind.FAIL, check("spec: {}", "spec: {replicas: '>0'}"));
    }

    @Test
    void wildcardsAndStarMeanPresence() {
        assertEquals(Kind.PASS, check("metadata: {labels: {app: x}}", "metadata: {labels: {app: '?*'}}"));
        assertEquals(Kind.FAIL, check("metadata: {labels: {app: ''}}", "metadata: {labels: {app: '?*'}}"));
        assertEquals(Kind.FAIL, check("metadata: {labels: {}}", "metadata: {labels: {app: '*'}}"));
        assertEquals(Kind.PASS, check("metadata: {labels: {app.kubernetes.io/name: x}}", "metadata: {labels: {app.*/name: '?*'}}"));
    }

    @Test
    void quantitiesDurationsAndRanges() {
        assertTrue(ScalarPattern.matches("512Mi", "<1Gi"));
        assertFalse(ScalarPattern.matches("2Gi", "<=1Gi"));
        assertTrue(ScalarPattern.matches(80L, "80"));
        assertTrue(ScalarPattern.matches("1000m", "1"));
        assertTrue(ScalarPattern.matches("90s", ">1m"));
        assertTrue(ScalarPattern.matches(8080L, "8000-9000"));
        assertFalse(ScalarPattern.matches(8080L, "8000!-9000"));
        assertTrue(ScalarPattern.matches("nginx:1.2", "!*:latest & *:*"));
        assertFalse(ScalarPattern.matches("nginx:latest", "!*:latest & *:*"));
        assertTrue(ScalarPattern.matches("b", "a | b"));
    }

    @Test
    void boolPatternDoesNotMatchStringButStringPatternMatchesBool() {
        assertTrue(ScalarPattern.validate(false, "false"));
        assertFalse(ScalarPattern.validate("true", true));
        assertTrue(ScalarPattern.validate(null, null));
        assertTrue(ScalarPattern.validate("", null));
    }

    @Test
    void wildcardMatching() {
        assertTrue(Wildcard.match("autogen-*", "autogen-check"));
        assertTrue(Wildcard.match("?", "a"));
        assertFalse(Wildcard.match("?", ""));
        assertTrue(Wildcard.match("*", ""));
        assertFalse(Wildcard.match("Pod", "pod"));
        assertTrue(Wildcard.match("a*b*c", "aXXbYYc"));
        assertFalse(Wildcard.match("a*b*c", "aXXbYY"));
    }
}
