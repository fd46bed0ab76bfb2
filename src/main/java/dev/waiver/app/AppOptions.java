package dev.waiver.app;

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
/// @param contexts   the contexts `--context` names (repeatable), in order, each once
public record AppOptions(Path home, Optional<Path> workspaceDir, Clock clock, boolean measureStartup,
                         Optional<Path> kubeconfig, List<String> contexts) {

    public AppOptions {
        contexts = List.copyOf(contexts);
    }

    /// Reads `--home DIR`, `--dir DIR`, `--now RFC3339`, `--measure-startup`, `--kubeconfig FILE` and
    /// `--context CTX` (also in `--opt=value` form).
    public static AppOptions parse(List<String> args) {
        String home = null;
        Path dir = null;
        Clock clock = Clock.systemUTC();
        boolean measure = false;
        Path kubeconfig = null;
        var contexts = new ArrayList<String>();
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
                default -> throw new IllegalArgumentException("unknown option for the window: " + arg);
            }
        }
        return new AppOptions(AppHome.resolve(home), Optional.ofNullable(dir), clock, measure,
                Optional.ofNullable(kubeconfig), contexts);
    }

    private static String value(List<String> args, int index, String name) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(index);
    }
}
