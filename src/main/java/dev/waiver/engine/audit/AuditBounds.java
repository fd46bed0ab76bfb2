package dev.waiver.engine.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/// The edges of a stretch of the audit log as a person names them: an RFC 3339 instant as it is, or a
/// bare date for that whole day in UTC. As an [AuditQuery]'s `since` (inclusive) a date starts at its first
/// instant; as its `until` (exclusive) it stops at the first instant of the next day, so `since D, until D`
/// is all of day D. `waiver audit log --since/--until` and the Audit screen's dates both read them here, so
/// the two never disagree about which entries a day holds.
public final class AuditBounds {

    private AuditBounds() {
    }

    /// The first instant of `day`, UTC.
    public static Instant since(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /// The first instant after `day`, UTC: as an exclusive end, the whole day is in.
    public static Instant until(LocalDate day) {
        return since(day.plusDays(1));
    }

    /// `text` as the inclusive start: an RFC 3339 instant, or a date from its start.
    ///
    /// @param label how the user named this bound (`--since`), for the message
    /// @throws IllegalArgumentException saying what is expected when `text` is neither
    public static Instant since(String label, String text) {
        return parse(label, text, false);
    }

    /// `text` as the exclusive end: an RFC 3339 instant, or a date up to its end.
    ///
    /// @param label how the user named this bound (`--until`), for the message
    /// @throws IllegalArgumentException saying what is expected when `text` is neither
    public static Instant until(String label, String text) {
        return parse(label, text, true);
    }

    private static Instant parse(String label, String text, boolean end) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(text);
                return end ? until(day) : since(day);
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException(label + " must be an RFC 3339 instant such as 2026-11-23T12:00:00Z"
                        + " or a date such as 2026-11-23, not '" + text + "'", notADate);
            }
        }
    }
}
