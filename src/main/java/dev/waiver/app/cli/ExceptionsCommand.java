package dev.waiver.app.cli;

import picocli.CommandLine.Command;

/// `waiver exceptions …`: the exception register.
@Command(name = "exceptions", mixinStandardHelpOptions = true, description = "The exception register.",
        subcommands = {ExceptionsListCommand.class})
public final class ExceptionsCommand {
}
