package dev.waiver.app.auditview;

import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;

/// One line of the audit log table: an entry, with the text of every column worked out once.
/// Times are UTC, as everywhere in the window and on the command line.
public record AuditRow(AuditEntry entry, String seq, String time, String actor, String action, String exemptionId,
                       String context, String comment) {

    /// Newest first: the order the log is read in on screen.
    public static final Comparator<AuditRow> NEWEST_FIRST =
            Comparator.comparingLong((AuditRow row) -> row.entry().seq()).reversed();

    static final String NONE = "—";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public static AuditRow of(AuditEntry entry) {
        AuditRecord r = entry.record();
        return new AuditRow(entry, Long.toString(entry.seq()), TIME.format(r.time()), orNone(r.actor()),
                label(r), orNone(r.exemptionId()), orNone(r.context()),
                // A comment of several lines stays on one table line; the detail shows it whole.
                orNone(r.comment().strip().replaceAll("\\s*\\R\\s*", " / ")));
    }

    public long seqNumber() {
        return entry.seq();
    }

    /// `approve`, as the command line prints and takes it.
    static String label(AuditRecord record) {
        return record.action().name().toLowerCase(Locale.ROOT);
    }

    static String orNone(String text) {
        return text == null || text.isBlank() ? NONE : text;
    }
}
