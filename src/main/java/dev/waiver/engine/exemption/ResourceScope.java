package dev.waiver.engine.exemption;

import dev.waiver.engine.evaluation.Wildcard;
import java.util.List;

/// What an exception matches: its `match.any` (one filter suffices) or `match.all` (every filter must hold).
public record ResourceScope(boolean requireAll, List<ResourceFilter> filters) {

    public ResourceScope {
        filters = List.copyOf(filters);
    }

    public static ResourceScope none() {
        return new ResourceScope(false, List.of());
    }

    /// True when nothing limits the namespaces: under `any` one unconstrained filter suffices, under
    /// `all` every filter must be unconstrained.
    public boolean reachesEveryNamespace() {
        if (filters.isEmpty()) {
            return false;
        }
        java.util.function.Predicate<ResourceFilter> open = f -> f.namespaces().isEmpty() && !f.hasNamespaceSelector();
        return requireAll ? filters.stream().allMatch(open) : filters.stream().anyMatch(open);
    }

    /// The controller kinds (Deployment, CronJob, …) this scope reaches: per filter the kinds it names
    /// (every controller when it names none), joined under `any`, intersected under `all`.
    public java.util.Set<String> controllerKinds(java.util.Set<String> controllers) {
        java.util.Set<String> result = null;
        for (ResourceFilter f : filters) {
            var reached = new java.util.TreeSet<String>();
            if (f.kinds().isEmpty()) {
                reached.addAll(controllers);
            }
            for (String kind : f.kinds()) {
                String bare = kind.substring(kind.lastIndexOf('/') + 1);
                controllers.stream().filter(c -> Wildcard.match(bare, c)).forEach(reached::add);
            }
            if (result == null) {
                result = reached;
            } else if (requireAll) {
                result.retainAll(reached);
            } else {
                result.addAll(reached);
            }
        }
        return result == null ? java.util.Set.of() : result;
    }

    public String describe() {
        if (filters.isEmpty()) {
            return "nothing";
        }
        var parts = filters.stream().map(ResourceFilter::describe).toList();
        return String.join(requireAll ? " and " : "; ", parts);
    }
}
