package dev.waiver.engine.evaluation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Helpers over the plain JSON-like trees (`Map`, `List`, `String`, `Boolean`, `Number`, `null`)
/// that the evaluator works on.
public final class Trees {

    private Trees() {
    }

    /// A deep copy with every number as `Long` (integral) or `Double`, so that comparisons never
    /// depend on which numeric class the YAML reader happened to choose.
    public static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>(Math.max(4, map.size() * 2));
            for (var e : map.entrySet()) {
                copy.put(String.valueOf(e.getKey()), normalize(e.getValue()));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>(list.size());
            for (Object o : list) {
                copy.add(normalize(o));
            }
            return copy;
        }
        if (value instanceof Number n) {
            return normalizeNumber(n);
        }
        return value;
    }

    static Object normalizeNumber(Number n) {
        if (n instanceof Long || n instanceof Double) {
            return n;
        }
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger bi) {
            return bi.bitLength() < 63 ? (Object) bi.longValue() : (Object) bi.doubleValue();
        }
        if (n instanceof BigDecimal bd) {
            try {
                return bd.longValueExact();
            } catch (ArithmeticException e) {
                return bd.doubleValue();
            }
        }
        double d = n.doubleValue();
        return d;
    }

    public static Map<String, Object> asMap(Object value) {
        return dev.waiver.engine.tree.Trees.map(value);
    }

    public static List<Object> asList(Object value) {
        return dev.waiver.engine.tree.Trees.list(value);
    }

    /// The string at `keys` below `root`, if every step exists and the leaf is a string.
    public static Optional<String> string(Object root, String... keys) {
        Object v = get(root, keys);
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public static Object get(Object root, String... keys) {
        return dev.waiver.engine.tree.Trees.walk(root, keys);
    }

    /// Numeric value if `value` is a number or, when `parseStrings`, a string holding one.
    public static Optional<Double> number(Object value, boolean parseStrings) {
        if (value instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (parseStrings && value instanceof String s) {
            try {
                return Optional.of(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static boolean isIntegral(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d);
    }

    /// Prints a value the way Kyverno prints a variable into a larger string: strings as they are,
    /// everything else as compact JSON (integral numbers without a fraction).
    public static String print(Object value) {
        if (value instanceof String s) {
            return s;
        }
        var sb = new StringBuilder();
        writeJson(value, sb);
        return sb.toString();
    }

    /// Go's `fmt.Sprint` for scalars (used by In/AnyIn on list elements).
    public static String sprint(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return numberText(n);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof List<?> l) {
            var sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(sprint(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> m) {
            var sb = new StringBuilder("map[");
            boolean first = true;
            for (var e : new java.util.TreeMap<>(m).entrySet()) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                sb.append(e.getKey()).append(':').append(sprint(e.getValue()));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }

    public static String numberText(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte || n instanceof BigInteger) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (isIntegral(d) && Math.abs(d) < 1e21) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        return s;
    }

    public static void writeJson(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            quote(s, sb);
        } else if (value instanceof Number n) {
            sb.append(numberText(n));
        } else if (value instanceof Boolean b) {
            sb.append(b);
        } else if (value instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (var e : new java.util.TreeMap<>(m).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(String.valueOf(e.getKey()), sb);
                sb.append(':');
                writeJson(e.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                writeJson(l.get(i), sb);
            }
            sb.append(']');
        } else {
            quote(value.toString(), sb);
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /// Deep equality where numbers compare by value (`1` equals `1.0`).
    public static boolean deepEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (var e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
