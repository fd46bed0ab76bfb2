package dev.waiver.app.cli;

import picocli.CommandLine.Command;

/// `waiver settings …`: the review rules in the data folder's settings.properties. Changes are audit entries.
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "The review settings (settings.properties in the data folder): list, set, unset. Every change is recorded in the audit log.",
        subcommands = {SettingsListCommand.class, SettingsChangeCommands.Set.class, SettingsChangeCommands.Unset.class})
public final class SettingsCommand {
}
