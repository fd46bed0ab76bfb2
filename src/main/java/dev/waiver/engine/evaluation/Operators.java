package dev.waiver.engine.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// Condition operators of preconditions, deny conditions and exception conditions (§4). Each
/// returns a plain boolean: Kyverno treats type mismatches as "false", never as errors.
final class Operators {

    private Operators() {
    }

    /// Throws [RuleEvaluationException] for an unknown operator name.
    static boolean evaluate(String operator, Object key, Object value) {
        return switch (operator.toLowerCase(Locale.ROOT)) {
            case "equals", "equal" -> equal(key, value);
            case "notequals", "notequal" -> !equal(key, value);
            case "in" -> in(key, value);
            case "notin" -> !in(key, value);
            case "anyin" -> anyIn(key, value, false);
            case "allin" -> allIn(key, value);
            case "anynotin" -> anyIn(key, value, true);
            case "allnotin" -> allNotIn(key, value);
            case "greaterthan" -> compare(key, value, c -> c > 0);
            case "greaterthanorequals" -> compare(key, value, c -> c >= 0);
            case "lessthan" -> compare(key, value, c -> c < 0);
            case "lessthanorequals" -> compare(key, value, c -> c <= 0);
            case "durationgreaterthan" -> compareDurations(key, value, c -> c > 0);
            case "durationgreaterthanorequals" -> compareDurations(key, value, c -> c >= 0);
            case "durationlessthan" -> compareDurations(key, value, c -> c < 0);
            case "durationlessthanorequals" -> compareDurations(key, value, c -> c <= 0);
            default -> throw new RuleEvaluationException("unknown condition operator " + operator);
        };
    }

    // ---- Equals -------------------------------------------------------------------------

    static boolean equal(Object key, Object value) {
        if (key instanceof Boolean b) {
            return value instanceof Boolean v && b.equals(v);
        }
        if (key instanceof Number n) {
            double k = n.doubleValue();
            if (value instanceof Number v) {
                return v.doubleValue() == k;
            }
            if (value instanceof String s) {
                return Trees.number(s, true).map(d -> d == k).orElse(false);
            }
            return false;
        }
        if (key instanceof String k) {
            var durations = durations(k, value);
            if (durations.isPresent()) {
                return durations.get()[0].compareTo(durations.get()[1]) == 0;
            }
            var kq = Quantity.parse(k);
            if (kq.isPresent() && value instanceof String vs) {
                return Quantity.parse(vs).map(vq -> vq.compareTo(kq.get()) == 0).orElse(false);
            }
            if (value instanceof String vs) {
                return Wildcard.match(vs, k);
            }
            return false;
        }
        if (key instanceof Map<?, ?> || key instanceof List<?>) {
            return Trees.deepEquals(key, value);
        }
        return false;
    }

    /// Both sides as durations when at least one side is a duration string (not a plain `0`)
    /// and the other is a duration string or a number of seconds.
    private static Optional<BigDecimal[]> durations(Object key, Object value) {
        Optional<BigDecimal> k = key instanceof String s ? GoDuration.parseSeconds(s, false) : Optional.empty();
        Optional<BigDecimal> v = value instanceof String s ? GoDuration.parseSeconds(s, false) : Optional.empty();
        if (k.isEmpty() && v.isEmpty()) {
            return Optional.empty();
        }
        if (k.isEmpty()) {
            k = key instanceof Number n ? Optional.of(new BigDecimal(n.toString())) : Optional.empty();
        }
        if (v.isEmpty()) {
            v = value instanceof Number n ? Optional.of(new BigDecimal(n.toString())) : Optional.empty();
        }
        if (k.isEmpty() || v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal[] {k.get(), v.get()});
    }

    // ---- In / NotIn ---------------------------------------------------------------------

    private static boolean isScalar(Object o) {
        return o instanceof String || o instanceof Number || o instanceof Boolean;
    }

    /// The value side as a list of strings: a list, a string holding a JSON array, or one string.
    private static Optional<List<String>> valueStrings(Object value) {
        if (value instanceof List<?> l) {
            var out = new ArrayList<String>(l.size());
            for (Object o : l) {
                out.add(Trees.sprint(o));
            }
            return Optional.of(out);
        }
        if (value instanceof String s) {
            String t = s.trim();
            if (t.startsWith("[") && t.endsWith("]")) {
                var parsed = JsonText.parseStringArray(t);
                if (parsed.isPresent()) {
                    return parsed;
                }
            }
            return Optional.of(List.of(s));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(List.of(Trees.sprint(value)));
        }
        return Optional.empty();
    }

    private static boolean wildEither(String a, String b) {
        return Wildcard.match(a, b) || Wildcard.match(b, a);
    }

    static boolean in(Object key, Object value) {
        if (isScalar(key)) {
            String k = Trees.sprint(key);
            if (value instanceof String s && Wildcard.match(s, k)) {
                return true;
            }
            var values = valueStrings(value);
            if (values.isEmpty()) {
                return false;
            }
            for (String v : values.get()) {
                if (value instanceof List<?> ? wildEither(v, k) : v.equals(k)) {
                    return true;
                }
            }
            return false;
        }
        if (key instanceof List<?> keys) {
            var values = valueStrings(value);
            if (values.isEmpty()) {
                return false;
            }
            for (Object k : keys) {
                if (!values.get().contains(Trees.sprint(k))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    // ---- AnyIn / AllIn / AnyNotIn / AllNotIn ------------------------------------------

    private static Optional<List<String>> keyStrings(Object key) {
        if (isScalar(key)) {
            return Optional.of(List.of(Trees.sprint(key)));
        }
        if (key instanceof List<?> l) {
            var out = new ArrayList<String>(l.size());
            for (Object o : l) {
                out.add(Trees.sprint(o));
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    private static boolean isRange(Object value) {
        return value instanceof String s && ScalarPattern.RANGE.matcher(s).matches();
    }

    private static boolean inRange(String key, String range) {
        return ScalarPattern.matches(key, range);
    }

    /// AnyIn (`negate` false): some key element matches some value element.
    /// AnyNotIn (`negate` true): some key element matches no value element.
    private static boolean anyIn(Object key, Object value, boolean negate) {
        var keys = keyStrings(key);
        if (keys.isEmpty()) {
            return false;
        }
        if (isRange(value)) {
            String range = (String) value;
            for (String k : keys.get()) {
                boolean inside = inRange(k, range);
                if (inside != negate) {
                    return true;
                }
            }
            return false;
        }
        var values = valueStrings(value);
        if (values.isEmpty()) {
            return false;
        }
        for (String k : keys.get()) {
            boolean found = values.get().stream().anyMatch(v -> wildEither(k, v));
            if (found != negate) {
                return true;
            }
        }
        return false;
    }

    private static boolean allIn(Object key, Object value) {
        var keys = keyStrings(key);
        if (keys.isEmpty()) {
            return false;
        }
        if (isRange(value)) {
            return keys.get().stream().allMatch(k -> inRange(k, (String) value));
        }
        var values = valueStrings(value);
        if (values.isEmpty()) {
            return false;
        }
        return keys.get().stream().allMatch(k -> values.get().stream().anyMatch(v -> wildEither(k, v)));
    }

    private static boolean allNotIn(Object key, Object value) {
        var keys = keyStrings(key);
        if (keys.isEmpty()) {
            return false;
        }
        if (isRange(value)) {
            return keys.get().stream().noneMatch(k -> inRange(k, (String) value));
        }
        var values = valueStrings(value);
        if (values.isEmpty()) {
            return false;
        }
        return keys.get().stream().noneMatch(k -> values.get().stream().anyMatch(v -> wildEither(k, v)));
    }

    // ---- numeric ------------------------------------------------------------------------

    private interface Test {
        boolean holds(int comparison);
    }

    private static boolean compare(Object key, Object value, Test test) {
        var durations = durations(key, value);
        if (durations.isPresent()) {
            return test.holds(durations.get()[0].compareTo(durations.get()[1]));
        }
        if (key instanceof Number k) {
            return Trees.number(value, true).map(v -> test.holds(Double.compare(k.doubleValue(), v))).orElse(false);
        }
        if (key instanceof String k) {
            var kq = Quantity.parse(k);
            if (kq.isPresent()) {
                if (value instanceof String vs) {
                    return Quantity.parse(vs).map(vq -> test.holds(kq.get().compareTo(vq))).orElse(false);
                }
                if (value instanceof Number vn) {
                    return test.holds(kq.get().compareTo(new BigDecimal(vn.toString())));
                }
                return false;
            }
            var ks = Semver.parse(k);
            if (ks.isPresent() && value instanceof String vs) {
                return Semver.parse(vs).map(v -> test.holds(ks.get().compareTo(v))).orElse(false);
            }
        }
        return false;
    }

    private static boolean compareDurations(Object key, Object value, Test test) {
        Optional<BigDecimal> k = asSeconds(key);
        Optional<BigDecimal> v = asSeconds(value);
        if (k.isEmpty() || v.isEmpty()) {
            return false;
        }
        return test.holds(k.get().compareTo(v.get()));
    }

    private static Optional<BigDecimal> asSeconds(Object o) {
        if (o instanceof Number n) {
            return Optional.of(new BigDecimal(n.toString()));
        }
        if (o instanceof String s) {
            return GoDuration.parseSeconds(s, true);
        }
        return Optional.empty();
    }
}
