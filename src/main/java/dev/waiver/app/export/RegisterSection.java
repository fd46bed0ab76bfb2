package dev.waiver.app.export;

import dev.waiver.app.exceptions.RegisterJson;
import dev.waiver.engine.audit.AuditTime;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.RegisterEntry;
import dev.waiver.engine.exemption.RegisterFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/// The exception register as an export section: every exception of the workspace the export was made for,
/// with the review store's requests beside them (what `waiver exceptions list` shows for it), each with its
/// status, checks, what it matches, requester, justification, ticket and end date. `coverage` says what was
/// read (`folder …`, `context …`, or the store alone), so a reader knows what the register stands for.
public record RegisterSection(String coverage, Instant assessedAt, List<RegisterEntry> rows) implements ExportSection {

    static final List<String> HEADER = List.of("Status", "Request", "Source", "Namespace", "Name", "Policy / rules",
            "Check type", "Matches", "Requestor", "Justification", "Ticket", "Approved by", "Expires (UTC)",
            "Expiry enforced", "Renewals", "Findings", "Id");

    public RegisterSection {
        rows = List.copyOf(rows);
    }

    public static RegisterSection of(Register register, String coverage) {
        return new RegisterSection(coverage, register.assessedAt(), register.entries());
    }

    @Override
    public String key() {
        return "register";
    }

    @Override
    public String title() {
        return "Exception register";
    }

    /// `{coverage, assessedAt, count, exceptions: [the objects of exceptions list -o json]}`.
    @Override
    public Object json() {
        var json = new LinkedHashMap<String, Object>();
        json.put("coverage", coverage);
        json.put("assessedAt", AuditTime.format(assessedAt));
        json.put("count", rows.size());
        json.put("exceptions", RegisterJson.rows(rows));
        return json;
    }

    @Override
    public List<ExportTable> tables() {
        var cells = new ArrayList<List<String>>();
        for (RegisterEntry r : rows) {
            Exemption e = r.exemption();
            cells.add(List.of(r.status().label(), e.decision().requestId().orElse(""), e.source().label(), e.namespace(),
                    e.name(), checks(e), r.checkTypeText(), e.scope().describe(), e.justification().requestor().orElse(""),
                    e.justification().reason().orElse(""), e.justification().ticket().orElse(""),
                    e.decision().approvedBy().orElse(""), r.shownEnd().map(Instant::toString).orElse(""),
                    e.expiry().endEnforced() ? "yes" : "no", Integer.toString(e.decision().renewals()),
                    r.findings().stream().map(f -> f.code().code() + ": " + f.message()).collect(Collectors.joining("; ")),
                    e.id()));
        }
        return List.of(new ExportTable("register", HEADER, cells));
    }

    @Override
    public String html() {
        var counts = Register.countByStatus(rows, RegisterFilter.all());
        String byStatus = Arrays.stream(ExemptionStatus.values()).filter(s -> counts.get(s) > 0)
                .map(s -> counts.get(s) + " " + s.label()).collect(Collectors.joining(", "));
        String summary = rows.size() + (rows.size() == 1 ? " exception" : " exceptions") + (byStatus.isEmpty() ? "" : ": " + byStatus)
                + ". Read from " + coverage + "; statuses as of " + HtmlReport.WHEN.format(assessedAt) + ".";
        return "<p class=\"note\">" + Html.escape(summary) + "</p>\n"
                + (rows.isEmpty() ? "" : Html.table(HEADER, tables().getFirst().rows()));
    }

    private static String checks(Exemption e) {
        return e.checks().stream().map(c -> c.policy() + ": " + String.join(", ", c.rules())).collect(Collectors.joining("; "));
    }
}
