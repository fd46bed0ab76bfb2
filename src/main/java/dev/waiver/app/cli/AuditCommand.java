package dev.waiver.app.cli;

import picocli.CommandLine.Command;

/// `waiver audit …`: the tamper-evident log of decisions in the data folder.
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit log of decisions (audit.db in the data folder): show, verify, export.",
        subcommands = {AuditLogCommand.class, AuditVerifyCommand.class, AuditExportCommand.class})
public final class AuditCommand {
}
