package dev.waiver.app.cli;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.export.AuditExports;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditBounds;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditQuery;
import dev.waiver.engine.audit.AuditRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `waiver audit log`: the entries, oldest first, filtered, as a table or JSON.
@Command(name = "log", mixinStandardHelpOptions = true, description = "Show the audit log's entries, oldest first.")
public final class AuditLogCommand implements Callable<Integer> {

    private static final String[] HEADER = {"SEQ", "TIME (UTC)", "ACTOR", "ACTION", "EXCEPTION", "CONTEXT", "COMMENT"};
    private static final int[] MAX = {8, 19, 30, 10, 40, 20, 80};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--actor", paramLabel = "A", description = "Only entries by this actor.")
    String actor;

    @Option(names = "--action", paramLabel = "X", description = "Only this action: ${COMPLETION-CANDIDATES}.")
    AuditAction action;

    @Option(names = "--exemption", paramLabel = "ID", description = "Only entries about this exception id.")
    String exemption;

    @Option(names = "--since", paramLabel = "T", description = "Only entries at or after T (RFC 3339, or a date: its start, UTC).")
    String since;

    @Option(names = "--until", paramLabel = "T", description = "Only entries before T (RFC 3339, or a date: up to its end, UTC).")
    String until;

    @Mixin
    TableOrJson format;

    @Override
    public Integer call() throws IOException {
        boolean json = format.json();
        AuditQuery query = query();
        PrintWriter out = spec.commandLine().getOut();
        Path home = GlobalOptions.of(spec).home();
        Optional<SqliteAuditLog> log = SqliteAuditLog.openExisting(home);
        List<AuditEntry> entries;
        if (log.isEmpty()) {
            spec.commandLine().getErr().println("no audit log in " + home + " yet: 0 entries");
            entries = List.of();
        } else {
            try (SqliteAuditLog open = log.get()) {
                entries = open.entries(query);
            }
        }
        if (json) {
            AuditExports.writeEntriesJson(entries, out);
            out.println();
        } else if (log.isPresent()) {
            print(entries, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private AuditQuery query() {
        AuditQuery query = AuditQuery.all();
        if (actor != null) {
            query = query.withActor(actor);
        }
        if (action != null) {
            query = query.withAction(action);
        }
        if (exemption != null) {
            query = query.withExemptionId(exemption);
        }
        try {
            // `--since D --until D` is the whole day D, as the Audit screen's dates are.
            if (since != null) {
                query = query.withSince(AuditBounds.since("--since", since));
            }
            if (until != null) {
                query = query.withUntil(AuditBounds.until("--until", until));
            }
        } catch (IllegalArgumentException badTime) {
            throw new ParameterException(spec.commandLine(), badTime.getMessage());
        }
        return query;
    }

    private static void print(List<AuditEntry> entries, PrintWriter out) {
        var rows = new ArrayList<String[]>();
        rows.add(HEADER);
        for (AuditEntry e : entries) {
            AuditRecord r = e.record();
            rows.add(new String[] {Long.toString(e.seq()), TIME.format(r.time()), dash(r.actor()), r.action().name().toLowerCase(Locale.ROOT),
                dash(r.exemptionId()), dash(r.context()), dash(r.comment().replaceAll("\\s*\\R\\s*", " / "))});
        }
        TextTable.print(rows, MAX, out);
        out.println(entries.size() + (entries.size() == 1 ? " entry" : " entries"));
    }

    private static String dash(String text) {
        return text.isEmpty() ? "-" : text;
    }
}
