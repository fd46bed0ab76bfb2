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

    /// One scan of a string: literal text between the innermost variables, and their expressions.
    private record Scan(List<String> literals, List<String> expressions, boolean whole) {
    }

    private static final Map<String, Scan> SCANS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Scan scan(String value) {
        Scan cached = SCANS.get(value);
        if (cached != null) {
            return cached;
        }
        var literals = new ArrayList<String>();
        var expressions = new ArrayList<String>();
        Matcher m = VARIABLE.matcher(value);
        int last = 0;
        boolean whole = false;
        while (m.find()) {
            literals.add(value.substring(last, m.start()));
            expressions.add(m.group(1).trim());
            whole = m.start() == 0 && m.end() == value.length();
            last = m.end();
        }
        literals.add(value.substring(last));
        Scan scan = new Scan(List.copyOf(literals), List.copyOf(expressions), whole);
        if (SCANS.size() < 100_000) {
            SCANS.put(value, scan);
        }
        return scan;
    }

    /// Substitutes the variables of one string.
    static Object substitute(String text, VariableScope scope) {
        if (text.indexOf("{{") < 0) {
            return text;
        }
        String value = text;
        Scan scan = scan(value);
        while (!scan.expressions().isEmpty()) {
            var sb = new StringBuilder();
            for (int i = 0; i < scan.expressions().size(); i++) {
                Object result = scope.query(scan.expressions().get(i));
                if (scan.whole() && !(result instanceof String)) {
                    return result;
                }
                sb.append(scan.literals().get(i)).append(Trees.print(result));
            }
            sb.append(scan.literals().get(scan.literals().size() - 1));
            value = sb.toString();
            if (value.indexOf("{{") < 0) {
                break;
            }
            scan = scan(value);
        }
        return value.replace("\\{{", "{{");
    }
}
