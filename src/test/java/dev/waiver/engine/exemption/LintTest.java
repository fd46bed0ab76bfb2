package dev.waiver.engine.exemption;

import static dev.waiver.engine.exemption.ExemptionFixtures.exception;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LintTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final PolicyCatalog CATALOG = new PolicyCatalog(List.of(new PolicySummary(
            "disallow-privileged-containers", "ClusterPolicy", java.util.Optional.empty(),
            List.of("Pod Security Standards (Baseline)"), java.util.Optional.empty(), PolicySummary.DEFAULT_CONTROLLERS,
            List.of(new RuleSummary("privileged-containers", true)))));

    private static Set<String> codes(ExemptionFixtures f) {
        Exemption e = f.build();
        return Lint.findings(e, StatusRules.statusAt(e, NOW), CATALOG, NOW).stream()
                .map(x -> x.code().code()).collect(Collectors.toSet());
    }

    private static ExemptionFixtures documented() {
        return exception().annotation("waiver.dev/reason", "vendor agent needs it")
                .annotation("waiver.dev/ticket", "SEC-1").endsAt("2026-12-20T00:00:00Z");
    }

    @Test
    void aWellFormedExceptionHasNoFindings() {
        assertEquals(Set.of(), codes(documented()));
    }

    @Test
    void bareClusterObjectIsFlaggedForMissingExpiryAndJustification() {
        assertEquals(Set.of("no-expiry", "no-justification", "no-ticket"), codes(exception()));
    }

    @Test
    void brokenLessThanFormIsFlagged() {
        var codes = codes(exception().annotation("waiver.dev/reason", "r").annotation("waiver.dev/ticket", "T-1")
                .condition("{{ time_now_utc() }}", "LessThan", "2026-12-01T00:00:00Z"));
        assertTrue(codes.contains("condition-never-true"), codes.toString());
        assertFalse(codes.contains("no-expiry"), "the date it meant is known");
    }

    @Test
    void annotationWithoutConditionIsNotEnforcedAndDisagreementIsAMismatch() {
        assertTrue(codes(exception().annotation("waiver.dev/expires", "2026-12-01T00:00:00Z")).contains("expiry-not-enforced"));
        var mismatch = codes(documented().annotation("waiver.dev/expires", "2026-12-01T00:00:00Z"));
        assertTrue(mismatch.contains("expiry-mismatch"));
        assertFalse(mismatch.contains("expiry-not-enforced"));
    }

    @Test
    void expiredAndStillPresentAndExpiringSoon() {
        assertTrue(codes(exception().endsAt("2026-11-01T00:00:00Z")).contains("expired-present"));
        assertTrue(codes(exception().endsAt("2026-11-25T00:00:00Z")).contains("expiring-soon"));
        assertFalse(codes(exception().endsAt("2026-12-25T00:00:00Z")).contains("expiring-soon"));
    }

    @Test
    void broadScopesAreFlagged() {
        var wildcard = documented().matching(List.of("Pod"), List.of("team-*"), List.of("debug"));
        assertEquals(Set.of("wildcard-namespace"), codes(wildcard));
        var everywhere = documented().matching(List.of("Pod"), List.of(), List.of("debug"));
        assertEquals(Set.of("wildcard-namespace"), codes(everywhere));
        var unnamed = documented().matching(List.of("Pod"), List.of("payments"), List.of());
        assertEquals(Set.of("no-names"), codes(unnamed));
    }

    @Test
    void podRuleWithoutItsAutogenRuleIsFlaggedWhenControllersAreMatched() {
        var podsOnly = documented().exempts("disallow-privileged-containers", "privileged-containers")
                .matching(List.of("Pod"), List.of("payments"), List.of("debug"));
        assertEquals(Set.of(), codes(podsOnly), "a Pod-only exception needs no generated rules");
        var deployments = documented().exempts("disallow-privileged-containers", "privileged-containers")
                .matching(List.of("Pod", "Deployment"), List.of("payments"), List.of("debug"));
        assertEquals(Set.of("missing-autogen"), codes(deployments));
        var cronJobs = documented().exempts("disallow-privileged-containers", "privileged-containers", "autogen-privileged-containers")
                .matching(List.of("Pod", "CronJob"), List.of("payments"), List.of("debug"));
        Exemption e = cronJobs.build();
        var finding = Lint.findings(e, StatusRules.statusAt(e, NOW), CATALOG, NOW).getFirst();
        assertEquals("missing-autogen", finding.code().code());
        assertTrue(finding.message().contains("autogen-cronjob-privileged-containers"), finding.message());
        var wildcard = documented().exempts("disallow-privileged-containers", "*privileged-containers")
                .matching(List.of("Pod", "Deployment", "CronJob"), List.of("payments"), List.of("debug"));
        assertEquals(Set.of(), codes(wildcard));
    }

    @Test
    void matchAllIsLimitedToNamespacesWhenAnyOfItsFiltersIs() {
        var tree = documented().tree();
        @SuppressWarnings("unchecked")
        var spec = (java.util.Map<String, Object>) tree.get("spec");
        spec.put("match", java.util.Map.of("all", List.of(
                java.util.Map.of("resources", java.util.Map.of("kinds", List.of("Pod"), "names", List.of("debug"))),
                java.util.Map.of("resources", java.util.Map.of("namespaces", List.of("payments"))))));
        Exemption e = KyvernoObjects.toExemption(tree, Source.demo(), java.util.Optional.empty());
        assertEquals(List.of(), Lint.findings(e, StatusRules.statusAt(e, NOW), CATALOG, NOW));
    }

    @Test
    void unknownPolicyIsFlaggedBecauseNamesMustMatchExactly() {
        assertEquals(Set.of("unknown-policy"), codes(documented().exempts("disallow-privileged", "x")));
    }
}
