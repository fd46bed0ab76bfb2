package dev.waiver.app.export;

import static dev.waiver.app.export.Html.element;
import static dev.waiver.app.export.Html.escape;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/// The log as one self-contained HTML page for people: the head hash to compare, a count per action, the
/// further sections (the register, the metrics with their chart), then every decision with who, when and
/// why (the before/after objects folded away), longest last. Inline CSS and SVG only, and a content
/// security policy that forbids loading anything, so the report shows the same offline, in a mail
/// attachment or in an archive years later; every text from the log is escaped.
final class HtmlReport {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1f2328}
            h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
            dt{color:#59636e}dd{margin:0}code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
            code.hash{word-break:break-all;background:#f6f8fa;padding:.1rem .3rem;border-radius:4px}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;
            border-bottom:1px solid #d8dee4}th{background:#f6f8fa;position:sticky;top:0}
            td.why{white-space:pre-wrap;max-width:32rem}pre{white-space:pre-wrap;margin:.3rem 0;background:#f6f8fa;padding:.4rem}
            .action{font-weight:600}.note{color:#59636e}h3{font-size:1rem;margin:1.2rem 0 .4rem}
            svg.trend{max-width:100%;height:auto;display:block}
            @media print{th{position:static}details{display:block}}
            """;

    private HtmlReport() {
    }

    static void write(AuditExport export, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        out.write("<title>Waiver audit report</title>\n<style>\n" + CSS + "</style></head>\n<body>\n");
        out.write("<header><h1>Waiver audit report</h1>\n<dl class=\"facts\">");
        fact(out, "Generated", WHEN.format(export.generatedAt()));
        fact(out, "Entries", Long.toString(export.count()));
        out.write("<dt>Head hash</dt><dd><code class=\"hash\" id=\"head-hash\">" + escape(export.head().hash())
                + "</code> (entry " + export.head().seq() + ")</dd>");
        out.write("</dl>\n<p class=\"note\">The head hash identifies this exact history: if it matches the head"
                + " recorded when the log was exported, no decision up to it was changed. The JSON export of the same"
                + " log can be checked with <code>waiver audit verify --export FILE</code>.</p></header>\n");
        summary(out, export);
        for (ExportSection section : export.sections()) {
            out.write("<section id=\"" + escape(section.key()) + "\">" + element("h2", section.title()) + "\n");
            out.write(section.html());
            out.write("</section>\n");
        }
        decisions(out, export);
        out.write("</body></html>\n");
    }

    private static void fact(Writer out, String name, String value) throws IOException {
        out.write(element("dt", name) + element("dd", value));
    }

    private static void summary(Writer out, AuditExport export) throws IOException {
        Map<AuditAction, Integer> counts = new EnumMap<>(AuditAction.class);
        export.entries().forEach(e -> counts.merge(e.record().action(), 1, Integer::sum));
        out.write("<section id=\"summary\"><h2>Actions</h2>");
        if (counts.isEmpty()) {
            out.write("<p>The log holds no entries.</p>");
        } else {
            out.write(Html.table(java.util.List.of("Action", "Entries"), counts.entrySet().stream()
                    .map(c -> java.util.List.of(label(c.getKey()), Integer.toString(c.getValue()))).toList()));
        }
        out.write("</section>\n");
    }

    private static void decisions(Writer out, AuditExport export) throws IOException {
        out.write("<section id=\"decisions\"><h2>Decisions</h2>\n<table><thead><tr><th>#</th><th>When</th><th>Who</th>"
                + "<th>Action</th><th>Exception</th><th>Context</th><th>Why</th><th>Change</th><th>Hash</th></tr></thead>"
                + "<tbody>\n");
        for (AuditEntry e : export.entries()) {
            AuditRecord r = e.record();
            out.write("<tr id=\"entry-" + e.seq() + "\">" + element("td", Long.toString(e.seq()))
                    + element("td", WHEN.format(r.time())) + element("td", r.actor())
                    + "<td class=\"action\">" + escape(label(r.action())) + "</td>" + element("td", r.exemptionId())
                    + element("td", r.context()) + "<td class=\"why\">" + escape(r.comment()) + "</td><td>"
                    + change(r) + "</td><td><code title=\"" + escape(e.hash()) + "\">" + escape(e.hash().substring(0, 12))
                    + "…</code></td></tr>\n");
        }
        out.write("</tbody></table></section>\n");
    }

    private static String change(AuditRecord r) {
        if (r.before().isEmpty() && r.after().isEmpty()) {
            return "";
        }
        var html = new StringBuilder("<details><summary>before / after</summary>");
        if (!r.before().isEmpty()) {
            html.append("<div class=\"note\">before</div>").append(element("pre", r.before()));
        }
        if (!r.after().isEmpty()) {
            html.append("<div class=\"note\">after</div>").append(element("pre", r.after()));
        }
        return html.append("</details>").toString();
    }

    private static String label(AuditAction action) {
        String name = action.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
