package dev.waiver.app.audit;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.AuditTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/// Entries to rows and back. A row that cannot become an entry (a hand-edited time, an unknown action,
/// a NULL) is reported by number, never by content: the content may be what an attacker planted.
final class AuditRows {

    static final String COLUMNS = "seq, time, actor, action, exemption_id, context, comment, before_yaml, after_yaml,"
            + " previous_hash, hash";
    static final String INSERT = "INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditRows() {
    }

    static void bind(PreparedStatement insert, AuditEntry entry) throws SQLException {
        AuditRecord r = entry.record();
        insert.setLong(1, entry.seq());
        insert.setString(2, AuditTime.format(r.time()));
        insert.setString(3, r.actor());
        insert.setString(4, r.action().name());
        insert.setString(5, r.exemptionId());
        insert.setString(6, r.context());
        insert.setString(7, r.comment());
        insert.setString(8, r.before());
        insert.setString(9, r.after());
        insert.setString(10, entry.previousHash());
        insert.setString(11, entry.hash());
    }

    /// The entry in the current row, selected with [#COLUMNS] in order.
    static AuditEntry read(ResultSet rs) throws SQLException, UnreadableEntryException {
        long seq = rs.getLong(1);
        Optional<Instant> time = AuditTime.parse(rs.getString(2));
        if (time.isEmpty()) {
            throw new UnreadableEntryException(seq, "its time is not an RFC 3339 instant");
        }
        AuditAction action = action(seq, rs.getString(4));
        String[] text = new String[9];
        int[] columns = {3, 5, 6, 7, 8, 9, 10, 11};
        for (int column : columns) {
            String value = rs.getString(column);
            if (value == null) {
                throw new UnreadableEntryException(seq, "its " + rs.getMetaData().getColumnName(column) + " is NULL");
            }
            text[column - 3] = value;
        }
        var record = new AuditRecord(time.get(), text[0], action, text[2], text[3], text[4], text[5], text[6]);
        return new AuditEntry(seq, record, text[7], text[8]);
    }

    private static AuditAction action(long seq, String name) throws UnreadableEntryException {
        if (name != null) {
            try {
                return AuditAction.valueOf(name);
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        throw new UnreadableEntryException(seq, "its action is not one Waiver records");
    }

    /// A stored row that is not an entry; `what` never quotes the row.
    static final class UnreadableEntryException extends Exception {
        private final long seq;

        UnreadableEntryException(long seq, String what) {
            super(what, null, false, false);
            this.seq = seq;
        }

        long seq() {
            return seq;
        }
    }
}
