package dev.waiver.engine.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/// The data JMESPath variables are read from: `request.object`, `request.oldObject`,
/// `request.operation`, values-file entries and, inside `foreach`, `element` / `elementIndex`.
/// On DELETE, `request.object…` is read from `request.oldObject`, as Kyverno does.
final class VariableScope {

    private final Map<String, Object> data;
    private final boolean delete;

    VariableScope(Map<String, Object> data, boolean delete) {
        this.data = data;
        this.delete = delete;
    }

    Object query(String expression) {
        String e = delete ? expression.replace("request.object", "request.oldObject") : expression;
        return Jmes.search(e, data);
    }

    /// A child scope for one `foreach` element: `element`, `elementIndex` and the numbered
    /// forms for the nesting depth.
    VariableScope withElement(Object element, int index, int depth) {
        var copy = new LinkedHashMap<>(data);
        copy.put("element", element);
        copy.put("elementIndex", (long) index);
        copy.put("element" + depth, element);
        copy.put("elementIndex" + depth, (long) index);
        return new VariableScope(copy, delete);
    }

    Map<String, Object> data() {
        return data;
    }
}
