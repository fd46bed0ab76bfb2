package dev.waiver.app.cli;

import dev.waiver.engine.exemption.Durations;
import dev.waiver.engine.exemption.ExemptedCheck;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Finding;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.RegisterEntry;
import dev.waiver.engine.exemption.RegisterFilter;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/// The register as an aligned text table for terminals, with a closing count per status. The REQUEST
/// column is the id the workflow commands take (`waiver approve R-…`).
final class RegisterTable {

    private static final String[] HEADER = {"STATUS", "REQUEST", "NAMESPACE", "NAME", "POLICY / RULES", "CHECK TYPE", "REQUESTOR", "TICKET", "EXPIRES", "FINDINGS"};
    private static final int[] MAX = {9, 11, 20, 34, 48, 34, 28, 12, 30, 60};
    private static final int CONTEXT_WIDTH = 24;

    private RegisterTable() {
    }

    static void print(List<RegisterEntry> rows, Instant now, PrintWriter out) {
        print(rows, now, out, false);
    }

    /// With `withContext`, a first column names each row's context: a register merged from several.
    static void print(List<RegisterEntry> rows, Instant now, PrintWriter out, boolean withContext) {
        var cells = new ArrayList<String[]>();
        cells.add(withContext ? prepend("CONTEXT", HEADER) : HEADER);
        for (RegisterEntry r : rows) {
            var e = r.exemption();
            String[] row = {
                r.status().label(), e.decision().requestId().orElse("-"), e.namespace(), e.name(),
                e.checks().stream().map(RegisterTable::check).collect(Collectors.joining("; ")),
                r.checkTypeText(),
                e.justification().requestor().orElse("-"),
                e.justification().ticket().orElse("-"),
                r.shownEnd().map(end -> end.toString().substring(0, 10) + " (" + Durations.until(end, now) + ")").orElse("never"),
                r.findings().stream().map(Finding::code).map(c -> c.code()).collect(Collectors.joining(","))
            };
            cells.add(withContext ? prepend(e.source().context().orElse("-"), row) : row);
        }
        TextTable.print(cells, withContext ? prepend(CONTEXT_WIDTH, MAX) : MAX, out);
        out.println();
        if (rows.isEmpty()) {
            out.println("No exceptions match.");
            return;
        }
        var counts = Register.countByStatus(rows, RegisterFilter.all());
        out.println(rows.size() + (rows.size() == 1 ? " exception" : " exceptions") + ": " + Arrays.stream(ExemptionStatus.values())
                .filter(s -> counts.get(s) > 0).map(s -> counts.get(s) + " " + s.label())
                .collect(Collectors.joining(", ")));
    }

    private static String[] prepend(String first, String[] rest) {
        var all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static int[] prepend(int first, int[] rest) {
        var all = new int[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String check(ExemptedCheck c) {
        return c.policy() + " [" + String.join(", ", c.rules()) + "]";
    }
}
