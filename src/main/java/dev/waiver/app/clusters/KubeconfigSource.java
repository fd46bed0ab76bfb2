package dev.waiver.app.clusters;

import dev.waiver.app.cluster.KubeconfigException;
import dev.waiver.app.cluster.Kubeconfigs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/// Where the window finds the kubeconfig: the file `--kubeconfig` names, else the files `KUBECONFIG` lists,
/// else `~/.kube/config` ([Kubeconfigs#locate] decides; this only adds what the Clusters screen needs to
/// tell "there is none" from "it cannot be read").
///
/// @param variable the value of `KUBECONFIG`, if set
public record KubeconfigSource(Optional<Path> explicit, Optional<String> variable, Path userHome) {

    /// From the environment, unless a file is given.
    public static KubeconfigSource of(Optional<Path> explicit) {
        return new KubeconfigSource(explicit, Optional.ofNullable(System.getenv("KUBECONFIG")),
                Path.of(System.getProperty("user.home")));
    }

    /// What reading the kubeconfig found.
    public sealed interface Reading {
    }

    public record Found(Kubeconfigs kubeconfigs) implements Reading {
    }

    /// No file at any place Waiver looks.
    public record Missing(List<Path> lookedAt) implements Reading {
    }

    /// A file is there but cannot be used; `message` is one line and quotes nothing from it.
    public record Unreadable(String message) implements Reading {
    }

    /// The places looked at, in order.
    public List<Path> candidates() {
        if (explicit.isPresent()) {
            return List.of(explicit.get());
        }
        var listed = variable.filter(v -> !v.isBlank()).stream()
                .flatMap(v -> Arrays.stream(v.split(File.pathSeparator)))
                .filter(s -> !s.isBlank()).distinct().map(Path::of).toList();
        return listed.isEmpty() ? List.of(userHome.resolve(".kube").resolve("config")) : listed;
    }

    /// Reads and merges the files; throws [KubeconfigException] (one line) when there is none or it is bad.
    public Kubeconfigs load() {
        return Kubeconfigs.load(Kubeconfigs.locate(explicit, variable, userHome));
    }

    /// Reads the files (I/O: off the FX thread).
    public Reading read() {
        if (candidates().stream().noneMatch(Files::isRegularFile)) {
            return new Missing(candidates());
        }
        try {
            return new Found(load());
        } catch (KubeconfigException e) {
            return new Unreadable(e.getMessage());
        }
    }
}
