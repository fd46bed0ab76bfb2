package dev.waiver.app.cli;

import dev.waiver.app.AppHome;
import dev.waiver.app.cluster.KubeconfigException;
import dev.waiver.app.cluster.Kubeconfigs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/// Options every command accepts, before or after the command name.
public final class GlobalOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data folder (audit log, settings, snapshots). Default: per OS, or WAIVER_HOME.")
    String home;

    @Option(names = "--kubeconfig", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Kubeconfig to use. Default: the files KUBECONFIG lists, else ~/.kube/config.")
    String kubeconfig;

    @Option(names = "--now", paramLabel = "RFC3339", scope = ScopeType.INHERIT,
            description = "Evaluate statuses at this instant instead of the current time (for audits and tests).")
    String now;

    /// The options as given anywhere on the command line: picocli stores inherited options on the root command.
    public static GlobalOptions of(CommandSpec anyCommand) {
        return ((WaiverCommand) anyCommand.root().userObject()).global;
    }

    public Path home() {
        return AppHome.resolve(home);
    }

    /// The kubeconfig as kubectl would find it; throws [KubeconfigException] (one line) when there is none.
    public Kubeconfigs kubeconfigs() {
        return Kubeconfigs.find(Optional.ofNullable(kubeconfig).map(Path::of));
    }

    public Clock clock() {
        if (now == null) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    "--now must be an RFC 3339 instant such as 2026-11-23T12:00:00Z, not '" + now + "'");
        }
    }
}
