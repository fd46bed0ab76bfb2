package dev.waiver.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/// A day named as a bound of the audit log is that whole day in UTC, for the command line and the Audit
/// screen alike; an instant is taken as it is.
class AuditBoundsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-23");

    @Test
    void aBareDateAsTheStartIncludesTheDaysFirstInstant() {
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), AuditBounds.since("--since", "2026-11-23"));
        assertEquals(AuditBounds.since("--since", "2026-11-23"), AuditBounds.since(DAY), "the screen's date reads the same");
    }

    @Test
    void aBareDateAsTheEndIncludesTheWholeDayAndNothingAfter() {
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), AuditBounds.until("--until", "2026-11-23"));
        assertEquals(AuditBounds.until("--until", "2026-11-23"), AuditBounds.until(DAY), "the screen's date reads the same");

        // The README: --since inclusive, --until exclusive, a bare date covers that whole day.
        var oneDay = AuditQuery.all().withSince(AuditBounds.since("--since", "2026-11-23"))
                .withUntil(AuditBounds.until("--until", "2026-11-23"));
        assertFalse(oneDay.matches(at("2026-11-22T23:59:59.999999999Z")));
        assertTrue(oneDay.matches(at("2026-11-23T00:00:00Z")));
        assertTrue(oneDay.matches(at("2026-11-23T23:59:59.999999999Z")));
        assertFalse(oneDay.matches(at("2026-11-24T00:00:00Z")));
    }

    @Test
    void anRfc3339InstantIsTakenAsItIsOnEitherSide() {
        assertEquals(Instant.parse("2026-11-23T10:30:00Z"), AuditBounds.since("--since", "2026-11-23T12:30:00+02:00"));
        assertEquals(Instant.parse("2026-11-23T10:30:00Z"), AuditBounds.until("--until", "2026-11-23T12:30:00+02:00"));
        assertEquals(Instant.parse("2026-11-23T12:00:00.5Z"), AuditBounds.until("--until", "2026-11-23T12:00:00.5Z"));
    }

    @Test
    void anythingElseIsRefusedWithWhatIsExpected() {
        var error = assertThrows(IllegalArgumentException.class, () -> AuditBounds.since("--since", "last week"));
        assertEquals("--since must be an RFC 3339 instant such as 2026-11-23T12:00:00Z or a date such as 2026-11-23,"
                + " not 'last week'", error.getMessage());
        var noZone = assertThrows(IllegalArgumentException.class, () -> AuditBounds.until("--until", "2026-11-23T12:00:00"));
        assertEquals("--until must be an RFC 3339 instant such as 2026-11-23T12:00:00Z or a date such as 2026-11-23,"
                + " not '2026-11-23T12:00:00'", noZone.getMessage());
    }

    private static AuditRecord at(String time) {
        return new AuditRecord(Instant.parse(time), "ana@example.com", AuditAction.APPROVE, "team-a/debug", "", "", "", "");
    }
}
