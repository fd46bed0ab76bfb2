package dev.waiver.app.cluster;

import dev.waiver.app.workspace.LoadProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// One full read of a context: every object listed, the list versions a watch continues from, and what
/// could not be read (a kind the user may not list, Kyverno not installed).
///
/// @param servedVersions kind → the API version read (the preferred one the server serves)
/// @param listVersions   kind → the `resourceVersion` of its list, where a watch starts; empty for a snapshot
/// @param exceptionNamespace where this cluster keeps PolicyExceptions, as far as it can be told
public record ClusterRead(String context, Instant readAt, List<ClusterObject> objects, Map<String, String> servedVersions,
                          Map<String, String> listVersions, ExceptionNamespace exceptionNamespace,
                          List<LoadProblem> problems) {

    public ClusterRead {
        objects = List.copyOf(objects);
        servedVersions = Map.copyOf(servedVersions);
        listVersions = Map.copyOf(listVersions);
        problems = List.copyOf(problems);
    }

    /// The PolicyException version read, e.g. `kyverno.io/v2`; empty when Kyverno is not installed.
    public Optional<String> exceptionApiVersion() {
        return Optional.ofNullable(servedVersions.get(ResourceType.POLICY_EXCEPTION.kind()))
                .map(ResourceType.POLICY_EXCEPTION::apiVersion);
    }

    public List<ClusterObject> objectsOf(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).toList();
    }
}
