package dev.waiver.app.cluster;

import java.nio.file.Path;
import java.util.Optional;

/// One context of the user's kubeconfig, as `kubectl config get-contexts` shows it. Only names and the
/// server address: no credential ever leaves [Kubeconfigs].
///
/// @param file the kubeconfig file that defines the context (several may be merged)
public record KubeContext(String name, boolean current, Optional<String> cluster, Optional<String> server,
                          Optional<String> user, Optional<String> namespace, Path file) {
}
