package dev.waiver.engine.exemption;

import java.util.List;

/// What an exception matches: its `match.any` (one filter suffices) or `match.all` (every filter must hold).
public record ResourceScope(boolean requireAll, List<ResourceFilter> filters) {

    public ResourceScope {
        filters = List.copyOf(filters);
    }

    public static ResourceScope none() {
        return new ResourceScope(false, List.of());
    }

    public String describe() {
        if (filters.isEmpty()) {
            return "nothing";
        }
        var parts = filters.stream().map(ResourceFilter::describe).toList();
        return String.join(requireAll ? " and " : "; ", parts);
    }
}
