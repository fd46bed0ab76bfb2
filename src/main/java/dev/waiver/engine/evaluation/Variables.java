package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// `{{ … }}` substitution in strings and trees. A string that is exactly one variable keeps the
/// JSON type of the result; otherwise the result is printed into the text. Nested variables are
/// resolved inside-out (the pattern only matches a variable without `{{` inside). A query
/// that yields null is an error, as Kyverno's "variable not resolved" is.
final class Variables {

    /// Innermost variables: single braces (multi-select hashes, regex counts) are allowed inside.
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\\\)\\{\\{((?:\\{[^{}]*\\}|[^{}])*)\\}\\}");

    private Variables() {
    }

    static boolean hasVariables(Object tree) {
        if (tree instanceof String s) {
            return s.contains("{{");
        }
        if (tree instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                if (hasVariables(e.getKey()) || hasVariables(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (tree instanceof List<?> l) {
            for (Object o : l) {
                if (hasVariables(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    /// Substitutes every string leaf (and key) of `tree`; returns the same instance when nothing
    /// contains a variable.
    static Object substituteTree(Object tree, VariableScope scope) {
        if (tree instanceof String s) {
            return substitute(s, scope);
        }
        if (tree instanceof Map<?, ?> m) {
            if (!hasVariables(m)) {
                return m;
            }
            var out = new LinkedHashMap<String, Object>();
            for (var e : m.entrySet()) {
                Object key = substitute(String.valueOf(e.getKey()), scope);
                out.put(Trees.print(key), substituteTree(e.getValue(), scope));
            }
            return out;
        }
        if (tree instanceof List<?> l) {
            if (!hasVariables(l)) {
                return l;
            }
            var out = new ArrayList<Object>(l.size());
            for (Object o : l) {
                out.add(substituteTree(o, scope));
            }
            return out;
        }
        return tree;
    }

    /// Substitutes the variables of one string.
    static Object substitute(String text, VariableScope scope) {
        if (text.indexOf("{{") < 0) {
            return text;
        }
        String value = text;
        Matcher m = VARIABLE.matcher(value);
        while (m.find()) {
            var sb = new StringBuilder();
            int last = 0;
            do {
                String expression = m.group(1).trim();
                Object result = scope.query(expression);
                if (m.start() == 0 && m.end() == value.length() && !(result instanceof String)) {
                    return result;
                }
                sb.append(value, last, m.start()).append(Trees.print(result));
                last = m.end();
            } while (m.find());
            sb.append(value.substring(last));
            value = sb.toString();
            m = VARIABLE.matcher(value);
        }
        return value.replace("\\{{", "{{");
    }
}
