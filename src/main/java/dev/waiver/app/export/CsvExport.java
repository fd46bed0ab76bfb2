package dev.waiver.app.export;

import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.AuditTime;
import java.io.IOException;
import java.io.Writer;

/// The log as RFC 4180 CSV: a header, one row per entry with every field (times in the chain's own form),
/// and a closing row whose `seq` is `head`: the export's time, the entry count (in `comment`) and the
/// head hash (in `hash`). Lines end in CRLF; a field with a comma, quote or line break is quoted, quotes
/// doubled. Values are written as recorded, without spreadsheet-formula escaping, so the file stays a
/// faithful copy.
final class CsvExport {

    static final String HEADER = "seq,time,actor,action,exemption_id,context,comment,before,after,previous_hash,hash";

    private CsvExport() {
    }

    static void write(AuditExport export, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        for (AuditEntry e : export.entries()) {
            AuditRecord r = e.record();
            row(out, Long.toString(e.seq()), AuditTime.format(r.time()), r.actor(), r.action().name(), r.exemptionId(),
                    r.context(), r.comment(), r.before(), r.after(), e.previousHash(), e.hash());
        }
        row(out, "head", AuditTime.format(export.generatedAt()), "", "", "", "",
                export.count() + (export.count() == 1 ? " entry" : " entries"), "", "", "", export.head().hash());
    }

    private static void row(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields[i]));
        }
        out.write("\r\n");
    }

    static String quote(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }
}
