package dev.waiver.app.cli;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.export.ExportVerification;
import dev.waiver.engine.audit.ChainVerdict;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `waiver audit verify`: recomputes the hash chain of the log (or of a JSON export, on its own) and says
/// whether it is intact, naming the first entry that is not.
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute the audit log's hash chain (or a JSON export's) and report the first altered entry.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:intact", "2:the log or export cannot be read", "3:altered, truncated or unprovable"})
public final class AuditVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--export", paramLabel = "FILE", description = "Verify this JSON export instead of the log.")
    Path export;

    @Option(names = "--expect-head", paramLabel = "HASH",
            description = "With --export: the head hash recorded when the export was made; it must match.")
    String expectedHead;

    @Override
    public Integer call() {
        if (expectedHead != null && export == null) {
            throw new ParameterException(spec.commandLine(), "--expect-head needs --export FILE");
        }
        PrintWriter out = spec.commandLine().getOut();
        ChainVerdict verdict;
        if (export != null) {
            verdict = ExportVerification.verify(export);
            out.println(export + ": " + verdict.describe());
            if (verdict instanceof ChainVerdict.Intact intact && expectedHead != null && !expectedHead.equals(intact.headHash())) {
                out.println(export + ": its head differs from the expected head " + expectedHead
                        + ": this is not the history that was recorded");
                return ExitCodes.ALTERED;
            }
        } else {
            Path home = GlobalOptions.of(spec).home();
            verdict = SqliteAuditLog.verifyAt(home);
            Path file = home.resolve(SqliteAuditLog.FILE_NAME);
            if (verdict instanceof ChainVerdict.Intact && !Files.exists(file)) {
                out.println("no audit log in " + home + ": 0 entries, intact");
            } else {
                out.println(file + ": " + verdict.describe());
            }
        }
        out.flush();
        return verdict instanceof ChainVerdict.Intact ? ExitCodes.OK : ExitCodes.ALTERED;
    }
}
