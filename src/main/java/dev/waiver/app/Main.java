package dev.waiver.app;

import dev.waiver.app.cli.Cli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/// Entry point: `waiver` with no command opens the window; `waiver COMMAND …` runs the command line.
public final class Main {

    /// Options that belong to the window, so `waiver --dir X` and `waiver --kubeconfig F --context C` still
    /// open it (`--kubeconfig` before a command is the command line's global option).
    private static final Set<String> WINDOW_OPTIONS = Set.of("--home", "--dir", "--now", "--measure-startup",
            "--kubeconfig", "--context", "--all-contexts");

    /// The window's options that take no value.
    private static final Set<String> WINDOW_FLAGS = Set.of("--measure-startup", "--all-contexts");

    private Main() {
    }

    public static void main(String[] args) {
        if (opensWindow(args)) {
            System.exit(WindowLauncher.launch(args));
        }
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(args, out, err));
    }

    static boolean opensWindow(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
            if (!WINDOW_OPTIONS.contains(name)) {
                return false;
            }
            if (!args[i].contains("=") && !WINDOW_FLAGS.contains(name)) {
                i++;
            }
        }
        return true;
    }
}
