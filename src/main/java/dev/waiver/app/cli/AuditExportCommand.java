package dev.waiver.app.cli;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.export.AuditExport;
import dev.waiver.app.export.AuditorExport;
import dev.waiver.app.export.AuditExports;
import dev.waiver.app.export.ExportFormat;
import dev.waiver.app.review.ReviewService;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.ChainVerdict;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.StoredRequests;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `waiver audit export`: the whole log as CSV, JSON (verifiable on its own) or an HTML report, carrying the
/// head hash and entry count, with the exception register and the review metrics beside the entries. A log
/// that does not verify is still exported (it is evidence), with a warning and exit 3.
///
/// Register and metrics come from the same read of the log as the entries, so the three agree.
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the audit log as CSV, JSON (verifiable with 'audit verify --export') or an HTML report,"
                + " with the exception register (as 'exceptions list' shows it for the same --dir or --context) and the metrics.",
                "CSV: FILE holds the entries; the register, the metrics and the in-force-per-day trend go to FILE-register.csv,"
                        + " FILE-metrics.csv and FILE-in-force.csv beside it (FILE without its .csv). A cell a spreadsheet would"
                        + " run as a formula (starting with = + - @, tab or CR) gets a leading quote (')."
                        + " JSON: the sections are under \"sections\", outside the hash chain."})
public final class AuditExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, json or html.")
    ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced if it exists).")
    Path out;

    @Option(names = "--dir", paramLabel = "PATH",
            description = "Folder (read recursively) or file of YAML the register comes from. Without it or --context: the review store's requests only.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        GlobalOptions global = GlobalOptions.of(spec);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            err.println(out + ": the folder does not exist");
            return ExitCodes.BAD_INPUT;
        }
        boolean workspaceGiven = dir != null || cluster.given();
        var read = WorkspaceReads.read(dir, cluster, AuditExportCommand::noWorkspace, global, spec, err);
        if (read.isEmpty()) {
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
        Instant now = global.clock().instant();
        List<ReviewCase> cases = ReviewService.casesOf(entries);
        Workspace workspace = read.get().workspace();
        String coverage = workspaceGiven ? read.get().described() + ", and the review store's requests"
                : "the review store's requests only (no --dir or --context was given)";
        AuditExport export = AuditorExport.of(entries, cases,
                read.get().register(StoredRequests.besides(workspace.exemptions(), cases, now), now), coverage, now);
        List<Path> written = AuditExports.write(export, format, out);
        stdout.println("wrote " + export.count() + (export.count() == 1 ? " entry" : " entries") + " as " + format.label()
                + " to " + out + " (head " + export.head().hash() + ")");
        if (written.size() > 1) {
            stdout.println("and the register and metrics beside it: " + written.stream().skip(1)
                    .map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
        }
        stdout.flush();
        if (!workspaceGiven) {
            err.println("(the register holds the review store's requests only: pass --dir PATH or --context CTX for the exceptions in force)");
        }
        if (!(verdict instanceof ChainVerdict.Intact)) {
            err.println("warning: the log does not verify: " + verdict.describe());
            return ExitCodes.ALTERED;
        }
        return read.get().unreadFiles() ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    /// No folder or context given: an empty workspace, so the register holds what the store alone knows.
    private static Workspace noWorkspace() {
        return new Workspace("review store", new Source(Source.Kind.REQUEST, "review store"), List.of(),
                PolicyCatalog.empty(), List.of(), List.of(), List.of());
    }
}
