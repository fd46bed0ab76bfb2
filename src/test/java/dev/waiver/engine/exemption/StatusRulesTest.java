package dev.waiver.engine.exemption;

import static dev.waiver.engine.exemption.ExemptionFixtures.exception;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static ExemptionStatus status(ExemptionFixtures f) {
        return StatusRules.statusAt(f.build(), NOW);
    }

    @Test
    void objectWithoutMetadataOrConditionsIsActive() {
        assertEquals(ExemptionStatus.ACTIVE, status(exception()));
    }

    @Test
    void workingTimeBeforeConditionEndsTheException() {
        assertEquals(ExemptionStatus.ACTIVE, status(exception().endsAt("2026-11-30T00:00:00Z")));
        assertEquals(ExemptionStatus.EXPIRED, status(exception().endsAt("2026-11-01T00:00:00Z")));
        assertEquals(ExemptionStatus.EXPIRED, status(exception().endsAt("2026-11-23T12:00:00Z")), "the end is exclusive");
    }

    @Test
    void timeAfterConditionMeansNotYetStarted() {
        assertEquals(ExemptionStatus.INACTIVE, status(exception().startsAt("2026-12-01T00:00:00Z")));
        assertEquals(ExemptionStatus.ACTIVE, status(exception().startsAt("2026-11-01T00:00:00Z").endsAt("2026-12-01T00:00:00Z")));
    }

    @Test
    void lessThanTimestampIsNeverHonouredInactiveBeforeItsDateExpiredAfter() {
        var future = exception().condition("{{ time_now_utc() }}", "LessThan", "2026-12-31T00:00:00Z");
        var past = exception().condition("{{ time_now_utc() }}", "LessThan", "2026-10-01T00:00:00Z");
        assertEquals(ExemptionStatus.INACTIVE, status(future));
        assertEquals(ExemptionStatus.EXPIRED, status(past));
    }

    @Test
    void stringTrueNeverEqualsTheBooleanResult() {
        var quoted = exception().condition("{{ time_before('{{ time_now_utc() }}', '2026-12-31T00:00:00Z') }}", "Equals", "true");
        assertEquals(ExemptionStatus.INACTIVE, status(quoted));
        assertEquals(true, quoted.build().expiry().conditions().neverHonoured());
    }

    @Test
    void reviewFactsDecideBeforeTime() {
        assertEquals(ExemptionStatus.IN_REVIEW, status(exception().annotation("waiver.dev/request-id", "r-1")));
        assertEquals(ExemptionStatus.ACTIVE, status(exception().annotation("waiver.dev/request-id", "r-1")
                .annotation("waiver.dev/approved-by", "sec@example.com")));
        assertEquals(ExemptionStatus.REJECTED, status(exception().annotation("waiver.dev/request-id", "r-1")
                .annotation("waiver.dev/rejected-by", "sec@example.com")));
        assertEquals(ExemptionStatus.REVOKED, status(exception().annotation("waiver.dev/revoked-by", "sec@example.com")
                .endsAt("2026-12-31T00:00:00Z")));
        assertEquals(ExemptionStatus.INACTIVE, status(exception().annotation("waiver.dev/disabled", "true")));
    }

    @Test
    void expiryAnnotationAloneDoesNotEndTheException() {
        assertEquals(ExemptionStatus.ACTIVE, status(exception().annotation("waiver.dev/expires", "2026-01-01T00:00:00Z")));
    }

    @Test
    void cleanupTtlCountsFromCreation() {
        var tree = exception().tree();
        @SuppressWarnings("unchecked")
        var metadata = (java.util.Map<String, Object>) tree.get("metadata");
        metadata.put("creationTimestamp", "2026-11-20T12:00:00Z");
        metadata.put("labels", java.util.Map.of("cleanup.kyverno.io/ttl", "2d"));
        var e = KyvernoObjects.toExemption(tree, Source.demo(), java.util.Optional.empty());
        assertEquals(Instant.parse("2026-11-22T12:00:00Z"), e.expiry().enforcedEnd().orElseThrow());
        assertEquals(ExemptionStatus.EXPIRED, StatusRules.statusAt(e, NOW));
    }
}
