package dev.waiver.engine.exemption;

import java.util.List;
import java.util.Map;

/// One filter of an exception's `match`: what it covers. Empty lists mean "not constrained".
public record ResourceFilter(
        List<String> kinds,
        List<String> namespaces,
        List<String> names,
        Map<String, String> labelSelector,
        boolean hasSelectorExpressions,
        boolean hasNamespaceSelector) {

    public ResourceFilter {
        kinds = List.copyOf(kinds);
        namespaces = List.copyOf(namespaces);
        names = List.copyOf(names);
        labelSelector = Map.copyOf(labelSelector);
    }

    public boolean hasSelector() {
        return !labelSelector.isEmpty() || hasSelectorExpressions;
    }

    /// Short human form, e.g. `Pod, Deployment in payments named api-*`.
    public String describe() {
        var text = new StringBuilder(kinds.isEmpty() ? "any kind" : String.join(", ", kinds));
        if (!namespaces.isEmpty()) {
            text.append(" in ").append(String.join(", ", namespaces));
        } else if (hasNamespaceSelector) {
            text.append(" in selected namespaces");
        }
        if (!names.isEmpty()) {
            text.append(" named ").append(String.join(", ", names));
        }
        if (!labelSelector.isEmpty()) {
            text.append(" with ");
            labelSelector.forEach((k, v) -> text.append(k).append('=').append(v).append(' '));
            text.setLength(text.length() - 1);
        } else if (hasSelectorExpressions) {
            text.append(" with label expressions");
        }
        return text.toString();
    }
}
