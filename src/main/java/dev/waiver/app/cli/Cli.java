package dev.waiver.app.cli;

import dev.waiver.app.cluster.ClientLogging;
import java.io.PrintWriter;
import picocli.CommandLine;

/// Runs the command line and maps failures to the exit codes of design.md: usage mistakes and bad input
/// give one line and exit 2, never a stack trace.
public final class Cli {

    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // Before any command can build a cluster client: the client's own logging prints noise, never Waiver's lines.
        ClientLogging.quiet();
        var cmd = new CommandLine(new WaiverCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("waiver: " + ex.getMessage());
            var path = new java.util.ArrayList<>(commandPath(ex.getCommandLine()));
            path.addFirst("waiver");
            path.add("--help");
            err.println("Try '" + String.join(" ", path) + "'.");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
            err.println("waiver: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static java.util.List<String> commandPath(CommandLine c) {
        var names = new java.util.ArrayList<String>();
        for (CommandLine at = c; at != null && at.getParent() != null; at = at.getParent()) {
            names.addFirst(at.getCommandName());
        }
        return names;
    }
}
