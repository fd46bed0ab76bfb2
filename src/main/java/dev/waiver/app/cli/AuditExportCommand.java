package dev.waiver.app.cli;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.export.AuditExport;
import dev.waiver.app.export.AuditExports;
import dev.waiver.app.export.ExportFormat;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.ChainVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `waiver audit export`: the whole log as CSV, JSON (verifiable on its own) or an HTML report, carrying the
/// head hash and entry count. A log that does not verify is still exported (it is evidence), with a
/// warning and exit 3.
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the audit log as CSV, JSON (verifiable with 'audit verify --export') or an HTML report.")
public final class AuditExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, json or html.")
    ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced if it exists).")
    Path out;

    @Override
    public Integer call() throws IOException {
        GlobalOptions global = GlobalOptions.of(spec);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            err.println(out + ": the folder does not exist");
            return ExitCodes.BAD_INPUT;
        }
        Optional<SqliteAuditLog> log = SqliteAuditLog.openExisting(global.home());
        List<AuditEntry> entries = List.of();
        ChainVerdict verdict = SqliteAuditLog.verifyAt(global.home());
        if (log.isPresent()) {
            try (SqliteAuditLog open = log.get()) {
                entries = open.entries();
            }
        } else {
            err.println("no audit log in " + global.home() + " yet: exporting 0 entries");
        }
        AuditExport export = AuditExport.of(entries, global.clock().instant());
        AuditExports.write(export, format, out);
        stdout.println("wrote " + export.count() + (export.count() == 1 ? " entry" : " entries") + " as " + format.label()
                + " to " + out + " (head " + export.head().hash() + ")");
        stdout.flush();
        if (!(verdict instanceof ChainVerdict.Intact)) {
            err.println("warning: the log does not verify: " + verdict.describe());
            return ExitCodes.ALTERED;
        }
        return ExitCodes.OK;
    }
}
