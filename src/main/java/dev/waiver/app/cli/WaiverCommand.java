package dev.waiver.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/// `waiver`: the top-level command. Without a command, `./waiver` opens the window instead.
@Command(name = "waiver", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Review Kubernetes policy exceptions: the register, evaluation, reviews and the audit log.",
        subcommands = {ExceptionsCommand.class, EvaluateCommand.class, TestCommand.class, RequestCommand.class,
                DecisionCommands.Approve.class, DecisionCommands.Reject.class, DecisionCommands.Apply.class,
                DecisionCommands.Renew.class, DecisionCommands.Revoke.class, DecisionCommands.Remove.class,
                DecisionCommands.Escalate.class, RepairCommand.class,
                MetricsCommand.class, SettingsCommand.class, AuditCommand.class, ContextsCommand.class})
public final class WaiverCommand {

    @Mixin
    GlobalOptions global;
}
