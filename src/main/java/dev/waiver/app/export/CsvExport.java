package dev.waiver.app.export;

import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.AuditTime;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/// The log as RFC 4180 CSV: a header, one row per entry with every field (times in the chain's own form),
/// and a closing row whose `seq` is `head`: the export's time, the entry count (in `comment`) and the
/// head hash (in `hash`). Each table of a further section (the register, the metrics) is a file of its
/// own in the same form ([#writeTable]). Lines end in CRLF; a field with a comma, quote or line break is
/// quoted, quotes doubled.
///
/// A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
/// spreadsheet shows it as text instead of running it as a formula (a justification is written by
/// whoever asks for an exception). The JSON export holds every value exactly as recorded; verify that one.
final class CsvExport {

    static final String HEADER = "seq,time,actor,action,exemption_id,context,comment,before,after,previous_hash,hash";

    private CsvExport() {
    }

    static void write(AuditExport export, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        for (AuditEntry e : export.entries()) {
            AuditRecord r = e.record();
            row(out, List.of(Long.toString(e.seq()), AuditTime.format(r.time()), r.actor(), r.action().name(), r.exemptionId(),
                    r.context(), r.comment(), r.before(), r.after(), e.previousHash(), e.hash()));
        }
        row(out, List.of("head", AuditTime.format(export.generatedAt()), "", "", "", "",
                export.count() + (export.count() == 1 ? " entry" : " entries"), "", "", "", export.head().hash()));
    }

    static void writeTable(ExportTable table, Writer out) throws IOException {
        row(out, table.header());
        for (List<String> cells : table.rows()) {
            row(out, cells);
        }
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(neutralise(fields.get(i))));
        }
        out.write("\r\n");
    }

    /// The cell as a spreadsheet shows it as text: a leading `'` before what it would take for a formula.
    static String neutralise(String field) {
        if (field.isEmpty()) {
            return field;
        }
        return switch (field.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + field;
            default -> field;
        };
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
