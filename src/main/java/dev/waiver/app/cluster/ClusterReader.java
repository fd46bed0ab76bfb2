package dev.waiver.app.cluster;

import dev.waiver.app.workspace.LoadProblem;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/// Reads one context: finds which versions of Kyverno's kinds the server serves, then lists every kind in
/// pages (`limit` 500 and `continue`), so a cluster with 10k exceptions never arrives as one response.
///
/// A real API server shows one PolicyException through every version it serves, so only the preferred
/// served version is listed (v2, else v2beta1, else v2alpha1); listing all would count each one twice.
///
/// A kind that cannot be read (not installed, forbidden) becomes a problem and the rest is still read;
/// a server that cannot be read at all throws [ClusterUnavailableException], so the caller can use the
/// snapshot instead of a half-read cluster.
public final class ClusterReader {

    public static final long PAGE_SIZE = 500;

    private final String context;
    private final KubernetesClient client;
    private final Clock clock;

    public ClusterReader(String context, KubernetesClient client, Clock clock) {
        this.context = context;
        this.client = client;
        this.clock = clock;
    }

    public String context() {
        return context;
    }

    KubernetesClient client() {
        return client;
    }

    Clock clock() {
        return clock;
    }

    /// Everything the scope names. `progress` hears after every page, on the calling thread.
    public ClusterRead read(ReadScope scope, Consumer<ReadProgress> progress) {
        var objects = new ArrayList<ClusterObject>();
        var served = new LinkedHashMap<String, String>();
        var listVersions = new LinkedHashMap<String, String>();
        var problems = new ArrayList<LoadProblem>();
        for (ResourceType type : scope.types()) {
            Optional<String> version = servedVersion(type);
            if (version.isEmpty()) {
                notServed(type, served).ifPresent(message -> problems.add(problem(message)));
                continue;
            }
            served.put(type.kind(), version.get());
            try {
                Listed listed = list(type, version.get(), page -> progress.accept(
                        new ReadProgress(context, type.resourceName(), objects.size() + page)));
                objects.addAll(listed.objects());
                listVersions.put(type.kind(), listed.resourceVersion());
            } catch (RuntimeException e) {
                if (ClusterErrors.isUnreachable(e) || ClusterErrors.isUnauthorized(e)) {
                    throw unavailable(e, listAction(type));
                }
                problems.add(problem(ClusterErrors.describe(e, listAction(type))));
            }
        }
        var exceptions = objects.stream().filter(o -> o.kind().equals(ResourceType.POLICY_EXCEPTION.kind())).toList();
        return new ClusterRead(context, clock.instant(), objects, served, listVersions,
                ExceptionNamespaces.detect(client, exceptions), problems);
    }

    /// The first of the type's versions the server serves, by discovery; built-in kinds need none.
    public Optional<String> servedVersion(ResourceType type) {
        if (!type.isCustom()) {
            return Optional.of(type.versions().getFirst());
        }
        for (String version : type.versions()) {
            APIResourceList resources;
            try {
                resources = client.getApiResources(type.apiVersion(version));
            } catch (RuntimeException e) {
                if (ClusterErrors.code(e).filter(c -> c == 404 || c == 403).isPresent()) {
                    continue;
                }
                throw unavailable(e, "discover " + type.apiVersion(version));
            }
            if (resources != null && resources.getResources() != null
                    && resources.getResources().stream().anyMatch(r -> type.plural().equals(r.getName()))) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /// Every object of one kind in all namespaces, page by page. A continue token that expired mid-way
    /// (410) restarts the list once from the first page, as the API documentation advises.
    public Listed list(ResourceType type, String version, Consumer<Integer> onPage) {
        try {
            return listPages(type, version, onPage);
        } catch (RuntimeException e) {
            if (ClusterErrors.isGone(e)) {
                return listPages(type, version, onPage);
            }
            throw e;
        }
    }

    private Listed listPages(ResourceType type, String version, Consumer<Integer> onPage) {
        var ops = client.genericKubernetesResources(type.definition(version));
        var objects = new ArrayList<ClusterObject>();
        String token = null;
        String resourceVersion = "";
        do {
            var options = new ListOptionsBuilder().withLimit(PAGE_SIZE).withContinue(token).build();
            GenericKubernetesResourceList page = type.namespaced()
                    ? ops.inAnyNamespace().list(options) : ops.list(options);
            for (GenericKubernetesResource item : page.getItems()) {
                objects.add(ClusterObject.of(toTree(item, type.apiVersion(version), type.kind())));
            }
            if (page.getMetadata() != null) {
                resourceVersion = Optional.ofNullable(page.getMetadata().getResourceVersion()).orElse(resourceVersion);
                token = page.getMetadata().getContinue();
            } else {
                token = null;
            }
            onPage.accept(objects.size());
        } while (token != null && !token.isEmpty());
        return new Listed(objects, resourceVersion);
    }

    /// The object as a plain tree like the YAML reader's. fabric8 has already parsed everything but
    /// `metadata` into plain maps, which are taken as they are; only the metadata is converted, so a large
    /// list is not serialised a second time. `managedFields` is server bookkeeping that kubectl hides too;
    /// built-in lists leave `apiVersion` and `kind` off their items, so they are set.
    @SuppressWarnings("unchecked")
    Map<String, Object> toTree(GenericKubernetesResource item, String apiVersion, String kind) {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("apiVersion", item.getApiVersion() != null ? item.getApiVersion() : apiVersion);
        tree.put("kind", item.getKind() != null ? item.getKind() : kind);
        if (item.getMetadata() != null) {
            item.getMetadata().setManagedFields(null);
            tree.put("metadata", client.getKubernetesSerialization().convertValue(item.getMetadata(), LinkedHashMap.class));
        }
        item.getAdditionalProperties().forEach(tree::putIfAbsent);
        return tree;
    }

    private Optional<String> notServed(ResourceType type, Map<String, String> served) {
        if (type == ResourceType.POLICY_EXCEPTION) {
            return Optional.of("Kyverno is not installed (or too old): the server serves no PolicyException ("
                    + String.join(", ", type.versions().stream().map(type::apiVersion).toList()) + ")");
        }
        if (type.group().equals("kyverno.io")) {
            // One problem is enough when Kyverno is missing altogether.
            return served.containsKey(ResourceType.POLICY_EXCEPTION.kind())
                    ? Optional.of("the server serves no " + type.kind() + " (" + type.resourceName() + ")")
                    : Optional.empty();
        }
        return Optional.of("no " + type.kind() + "s: the server does not serve " + type.apiVersion(type.versions().getFirst()));
    }

    private static String listAction(ResourceType type) {
        return "list " + type.resourceName() + (type.namespaced() ? " in all namespaces" : "");
    }

    private LoadProblem problem(String message) {
        return new LoadProblem("context " + context, 0, message);
    }

    private ClusterUnavailableException unavailable(RuntimeException e, String action) {
        return new ClusterUnavailableException(context, ClusterErrors.describe(e, action), e);
    }

    /// One kind's objects and the `resourceVersion` of the list, where a watch continues.
    public record Listed(List<ClusterObject> objects, String resourceVersion) {
        public Listed {
            objects = List.copyOf(objects);
        }
    }
}
