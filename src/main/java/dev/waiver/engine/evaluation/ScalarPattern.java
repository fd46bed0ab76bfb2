package dev.waiver.engine.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/// A scalar pattern against one resource value (§6.1 "Scalars"): bool, number and null
/// patterns compare by type; string patterns support `|`, `&`, the operators `> >= < <= !`,
/// ranges `a-b` / `a!-b`, durations, quantities and wildcards.
final class ScalarPattern {

    static final Pattern RANGE = Pattern.compile("^(-?[0-9]+(?:\\.[0-9]+)?[A-Za-z]*)-(-?[0-9]+(?:\\.[0-9]+)?[A-Za-z]*)$");
    static final Pattern NOT_RANGE = Pattern.compile("^(-?[0-9]+(?:\\.[0-9]+)?[A-Za-z]*)!-(-?[0-9]+(?:\\.[0-9]+)?[A-Za-z]*)$");

    private ScalarPattern() {
    }

    /// Whether `value` (a scalar, null, map or list of the resource) satisfies the scalar `pattern`.
    static boolean validate(Object value, Object pattern) {
        if (pattern instanceof Boolean b) {
            return value instanceof Boolean v && v.equals(b);
        }
        if (pattern instanceof Long || pattern instanceof Integer) {
            long p = ((Number) pattern).longValue();
            if (value instanceof Long || value instanceof Integer) {
                return ((Number) value).longValue() == p;
            }
            if (value instanceof Number n) {
                double d = n.doubleValue();
                return Trees.isIntegral(d) && (long) d == p;
            }
            if (value instanceof String s) {
                try {
                    return Long.parseLong(s) == p;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            return false;
        }
        if (pattern instanceof Number pn) {
            return Trees.number(value, true).map(d -> d == pn.doubleValue()).orElse(false);
        }
        if (pattern == null) {
            if (value == null) {
                return true;
            }
            if (value instanceof Number n) {
                return n.doubleValue() == 0;
            }
            if (value instanceof String s) {
                return s.isEmpty();
            }
            if (value instanceof Boolean b) {
                return !b;
            }
            return false;
        }
        if (pattern instanceof Map<?, ?>) {
            return value instanceof Map<?, ?>;
        }
        if (pattern instanceof String p) {
            return matches(value, p);
        }
        return false;
    }

    /// A string pattern against a resource value.
    static boolean matches(Object value, String pattern) {
        if (value instanceof String s && s.equals(pattern)) {
            return true;
        }
        for (List<Part> alternative : parse(pattern)) {
            boolean all = true;
            for (Part part : alternative) {
                if (!part.test(value)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, List<List<Part>>> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /// String patterns are parsed once: `|` alternatives of `&` parts, each an operator with its
    /// operand already read as duration and quantity.
    private static List<List<Part>> parse(String pattern) {
        List<List<Part>> cached = PARSED.get(pattern);
        if (cached != null) {
            return cached;
        }
        var alternatives = new java.util.ArrayList<List<Part>>();
        for (String alternative : pattern.split("\\|", -1)) {
            var parts = new java.util.ArrayList<Part>();
            for (String part : alternative.trim().split("&", -1)) {
                parts.add(Part.of(part.trim()));
            }
            alternatives.add(List.copyOf(parts));
        }
        List<List<Part>> result = List.copyOf(alternatives);
        if (PARSED.size() < 100_000) {
            PARSED.put(pattern, result);
        }
        return result;
    }

    private enum Op { EQ, NE, GT, GE, LT, LE, RANGE, NOT_RANGE }

    /// One operator and operand; a range holds its two ends as `>=`/`<=` (or `<`/`>`) parts.
    private record Part(Op op, String operand, Optional<BigDecimal> duration, Optional<BigDecimal> quantity,
                        List<Part> ends) {

        static Part of(String pattern) {
            var range = RANGE.matcher(pattern);
            if (range.matches()) {
                return new Part(Op.RANGE, pattern, Optional.empty(), Optional.empty(),
                        List.of(of(">=" + range.group(1)), of("<=" + range.group(2))));
            }
            var notRange = NOT_RANGE.matcher(pattern);
            if (notRange.matches()) {
                return new Part(Op.NOT_RANGE, pattern, Optional.empty(), Optional.empty(),
                        List.of(of("<" + notRange.group(1)), of(">" + notRange.group(2))));
            }
            Op op;
            String operand;
            if (pattern.startsWith(">=")) {
                op = Op.GE;
                operand = pattern.substring(2);
            } else if (pattern.startsWith("<=")) {
                op = Op.LE;
                operand = pattern.substring(2);
            } else if (pattern.startsWith(">")) {
                op = Op.GT;
                operand = pattern.substring(1);
            } else if (pattern.startsWith("<")) {
                op = Op.LT;
                operand = pattern.substring(1);
            } else if (pattern.startsWith("!")) {
                op = Op.NE;
                operand = pattern.substring(1);
            } else {
                op = Op.EQ;
                operand = pattern;
            }
            operand = operand.trim();
            return new Part(op, operand, GoDuration.parseSeconds(operand, true), Quantity.parse(operand), List.of());
        }

        boolean test(Object value) {
            if (op == Op.RANGE) {
                return ends.get(0).test(value) && ends.get(1).test(value);
            }
            if (op == Op.NOT_RANGE) {
                return ends.get(0).test(value) || ends.get(1).test(value);
            }
            String valueText = numericText(value);
            if (valueText != null) {
                if (duration.isPresent()) {
                    Optional<BigDecimal> vd = GoDuration.parseSeconds(valueText, true);
                    if (vd.isPresent()) {
                        return holds(op, vd.get().compareTo(duration.get()));
                    }
                }
                if (quantity.isPresent()) {
                    Optional<BigDecimal> vq = Quantity.parse(valueText);
                    if (vq.isPresent()) {
                        return holds(op, vq.get().compareTo(quantity.get()));
                    }
                }
            }
            if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
                return false;
            }
            String text = value instanceof Double d && !Trees.isIntegral(d) ? goExponent(d) : Trees.sprint(value);
            return switch (op) {
                case EQ -> Wildcard.match(operand, text);
                case NE -> !Wildcard.match(operand, text);
                default -> false;
            };
        }
    }

    /// The resource value as text for duration / quantity parsing: numbers printed, null as `0`.
    private static String numericText(Object value) {
        if (value == null) {
            return "0";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return Trees.numberText(n);
        }
        return null;
    }

    private static boolean holds(Op op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            default -> false;
        };
    }

    /// Go's `%E` rendering of a float (`1.500000E+00`).
    private static String goExponent(double d) {
        String s = String.format(java.util.Locale.ROOT, "%.6E", d);
        int e = s.indexOf('E');
        String mantissa = s.substring(0, e);
        int exp = Integer.parseInt(s.substring(e + 1));
        return mantissa + "E" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
}
