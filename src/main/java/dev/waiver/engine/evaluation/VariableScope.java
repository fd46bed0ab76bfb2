package dev.waiver.engine.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /// A plain field path (`a.b."c/d"[0]`): the only form for which Waiver reproduces Kyverno's
    /// "Unknown key" error. Expressions with `||`, functions or projections yield null instead,
    /// which is what the conformance corpus shows for them.
    private static final Pattern SIMPLE_PATH = Pattern.compile(
            "(?:[A-Za-z_][A-Za-z0-9_]*|\"[^\"]*\")(?:\\[[0-9]+\\])*(?:\\.(?:[A-Za-z_][A-Za-z0-9_]*|\"[^\"]*\")(?:\\[[0-9]+\\])*)*");
    private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*|\"[^\"]*\")|\\[([0-9]+)\\]");

    Object query(String expression) {
        String e = delete ? expression.replace("request.object", "request.oldObject") : expression;
        Object result = Jmes.search(e, data);
        if (result == null && SIMPLE_PATH.matcher(e).matches()) {
            missingKey(e).ifPresent(key -> {
                throw new RuleEvaluationException("Unknown key \"" + key + "\" in path " + expression);
            });
        }
        return result;
    }

    /// The first map key of a plain path that does not exist, walking the data as Go does (a
    /// step on null or on a scalar just gives null).
    private Optional<String> missingKey(String path) {
        Object cur = data;
        Matcher m = STEP.matcher(path);
        while (m.find()) {
            if (m.group(1) != null) {
                String key = m.group(1).startsWith("\"") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
                if (!(cur instanceof Map<?, ?> map)) {
                    return Optional.empty();
                }
                if (!map.containsKey(key)) {
                    return Optional.of(key);
                }
                cur = map.get(key);
            } else {
                if (!(cur instanceof List<?> list)) {
                    return Optional.empty();
                }
                int i = Integer.parseInt(m.group(2));
                cur = i < list.size() ? list.get(i) : null;
            }
        }
        return Optional.empty();
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
