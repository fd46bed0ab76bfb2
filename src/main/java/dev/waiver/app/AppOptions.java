package dev.waiver.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/// The options the window understands, shared with the command line: data folder, workspace folder,
/// fixed clock, and start-up measurement.
public record AppOptions(Path home, Optional<Path> workspaceDir, Clock clock, boolean measureStartup) {

    /// Reads `--home DIR`, `--dir DIR`, `--now RFC3339`, `--measure-startup` (also in `--opt=value` form).
    public static AppOptions parse(List<String> args) {
        String home = null;
        Path dir = null;
        Clock clock = Clock.systemUTC();
        boolean measure = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--home" -> home = inline != null ? inline : value(args, ++i, name);
                case "--dir" -> dir = Path.of(inline != null ? inline : value(args, ++i, name)).toAbsolutePath();
                case "--now" -> clock = Clock.fixed(Instant.parse(inline != null ? inline : value(args, ++i, name)), ZoneOffset.UTC);
                case "--measure-startup" -> measure = true;
                default -> throw new IllegalArgumentException("unknown option for the window: " + arg);
            }
        }
        return new AppOptions(AppHome.resolve(home), Optional.ofNullable(dir), clock, measure);
    }

    private static String value(List<String> args, int index, String name) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(index);
    }
}
