package dev.waiver.app;

import dev.waiver.app.cluster.ContextChoice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// The options the window understands, shared with the command line: data folder, workspace folder,
/// fixed clock, start-up measurement, and the kubeconfig and contexts to open.
///
/// @param kubeconfig the file `--kubeconfig` names; empty: `KUBECONFIG`, else `~/.kube/config`
/// @param contexts   the contexts `--context` names (repeatable), in order, each once; or `--all-contexts`
public record AppOptions(Path home, Optional<Path> workspaceDir, Clock clock, boolean measureStartup,
                         Optional<Path> kubeconfig, ContextChoice contexts) {

    /// Reads `--home DIR`, `--dir DIR`, `--now RFC3339`, `--measure-startup`, `--kubeconfig FILE`,
    /// `--context CTX` and `--all-contexts` (also in `--opt=value` form). `--all-contexts` beside `--context`
    /// or `--dir` is a mistake, as on the command line: the window would show something else than asked.
    public static AppOptions parse(List<String> args) {
        String home = null;
        Path dir = null;
        Clock clock = Clock.systemUTC();
        boolean measure = false;
        Path kubeconfig = null;
        var contexts = new ArrayList<String>();
        boolean allContexts = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--home" -> home = inline != null ? inline : value(args, ++i, name);
                case "--dir" -> dir = Path.of(inline != null ? inline : value(args, ++i, name)).toAbsolutePath();
                case "--now" -> clock = Clock.fixed(Instant.parse(inline != null ? inline : value(args, ++i, name)), ZoneOffset.UTC);
                case "--measure-startup" -> measure = true;
                case "--kubeconfig" -> kubeconfig = Path.of(inline != null ? inline : value(args, ++i, name)).toAbsolutePath();
                case "--context" -> {
                    String context = inline != null ? inline : value(args, ++i, name);
                    if (context.isBlank()) {
                        throw new IllegalArgumentException("--context needs a context name");
                    }
                    if (!contexts.contains(context)) {
                        contexts.add(context);
                    }
                }
                case "--all-contexts" -> allContexts = true;
                default -> throw new IllegalArgumentException("unknown option for the window: " + arg);
            }
        }
        if (allContexts && dir != null) {
            throw new IllegalArgumentException("--dir reads a folder, --all-contexts reads every context: choose one");
        }
        return new AppOptions(AppHome.resolve(home), Optional.ofNullable(dir), clock, measure,
                Optional.ofNullable(kubeconfig), new ContextChoice(contexts, allContexts));
    }

    private static String value(List<String> args, int index, String name) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(index);
    }
}
