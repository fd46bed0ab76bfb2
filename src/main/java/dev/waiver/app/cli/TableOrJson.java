package dev.waiver.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `-o table|json`, as the listing commands take it.
final class TableOrJson {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table (default) or json.")
    String output = "table";

    /// True for json, false for table; anything else is a usage error (exit 2), raised before any work.
    boolean json() {
        return switch (output) {
            case "json" -> true;
            case "table" -> false;
            default -> throw new ParameterException(command.commandLine(), "-o must be table or json, not '" + output + "'");
        };
    }
}
