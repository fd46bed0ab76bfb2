package dev.waiver.app.cli;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.review.ReviewSettingChange;
import dev.waiver.app.review.ReviewSettingsFile;
import dev.waiver.app.settings.Settings;
import dev.waiver.engine.ports.AuditLogException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `waiver settings set KEY VALUE` and `waiver settings unset KEY`: a review setting changes only when key
/// and value check out (else one line and exit 2, with nothing written and nothing logged), and every
/// change is an audit entry (`setting`) with the value before and after and who changed it.
final class SettingsChangeCommands {

    private SettingsChangeCommands() {
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set a review setting: " + ReviewSettingsFile.KEYS + ". Recorded in the audit log.")
    static final class Set extends Change {
        @Parameters(index = "0", paramLabel = "KEY", description = "The setting.")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE",
                description = "A whole number of days (reviewers, for review.approvals), 1 or more; policy names separated by commas for review.auto-apply.")
        String value;

        @Override
        ReviewSettingsFile.Checked check() {
            return ReviewSettingsFile.check(key, value);
        }
    }

    @Command(name = "unset", mixinStandardHelpOptions = true,
            description = "Remove a review setting, so its default applies again. Recorded in the audit log.")
    static final class Unset extends Change {
        @Parameters(index = "0", paramLabel = "KEY", description = "The setting.")
        String key;

        @Override
        ReviewSettingsFile.Checked check() {
            return ReviewSettingsFile.checkRemoval(key);
        }
    }

    abstract static class Change implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--as", paramLabel = "USER", required = true, description = "Who changes it (recorded in the audit log).")
        String actor;

        abstract ReviewSettingsFile.Checked check();

        @Override
        public final Integer call() {
            GlobalOptions global = GlobalOptions.of(spec);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                // Checked before the log is opened: a refused change neither creates nor touches anything.
                return switch (check()) {
                    case ReviewSettingsFile.Checked.Invalid invalid -> {
                        err.println(invalid.message());
                        yield ExitCodes.BAD_INPUT;
                    }
                    case ReviewSettingsFile.Checked.Valid change -> {
                        try (SqliteAuditLog log = SqliteAuditLog.open(global.home())) {
                            yield report(ReviewSettingChange.apply(change, log, global.home().resolve(Settings.FILE_NAME),
                                    actor, global.clock().instant()), out, err);
                        } catch (AuditLogException e) {
                            err.println("the audit log could not record the change, so nothing was changed: " + e.getMessage());
                            yield ExitCodes.BAD_INPUT;
                        }
                    }
                };
            } finally {
                out.flush();
                err.flush();
            }
        }

        private static int report(ReviewSettingChange.Outcome outcome, PrintWriter out, PrintWriter err) {
            return switch (outcome) {
                case ReviewSettingChange.Outcome.Changed c -> {
                    out.println(c.key() + ": " + c.was() + " to " + c.now() + " (audit entry " + c.seq() + ")");
                    yield ExitCodes.OK;
                }
                case ReviewSettingChange.Outcome.Unchanged u -> {
                    out.println(u.key() + " is already " + u.value() + "; nothing changed");
                    yield ExitCodes.OK;
                }
                case ReviewSettingChange.Outcome.NotWritten n -> {
                    err.println(n.message());
                    yield ExitCodes.BAD_INPUT;
                }
            };
        }
    }
}
