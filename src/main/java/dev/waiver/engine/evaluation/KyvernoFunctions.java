package dev.waiver.engine.evaluation;

import io.burt.jmespath.Adapter;
import io.burt.jmespath.JmesPathType;
import io.burt.jmespath.function.ArgumentConstraint;
import io.burt.jmespath.function.ArgumentConstraints;
import io.burt.jmespath.function.BaseFunction;
import io.burt.jmespath.function.Function;
import io.burt.jmespath.function.FunctionArgument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/// The Kyverno-specific JMESPath functions Waiver supports, registered on top of the standard
/// ones. Values are the plain Java trees of [JcfRuntime][io.burt.jmespath.jcf.JcfRuntime]; the
/// clock for `time_now_utc` comes from the [ScopedValue] the evaluator binds per call, so that
/// compiled expressions can be shared across evaluations with different clocks.
final class KyvernoFunctions {

    static final ScopedValue<Clock> CLOCK = ScopedValue.newInstance();

    private static final Map<String, Pattern> REGEX_CACHE = new ConcurrentHashMap<>();

    private KyvernoFunctions() {
    }

    /// A function whose body works on already evaluated argument values.
    private interface Body {
        Object apply(List<Object> args);
    }

    private static final class Fn extends BaseFunction {
        private final Body body;

        Fn(String name, Body body, ArgumentConstraint... constraints) {
            super(name, constraints);
            this.body = body;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected <T> T callFunction(Adapter<T> runtime, List<FunctionArgument<T>> arguments) {
            var values = new ArrayList<Object>(arguments.size());
            for (FunctionArgument<T> a : arguments) {
                values.add(a.value());
            }
            Object result = body.apply(values);
            if (result instanceof Integer i) {
                result = i.longValue();
            }
            return (T) result;
        }
    }

    private static ArgumentConstraint str() {
        return ArgumentConstraints.typeOf(JmesPathType.STRING);
    }

    private static ArgumentConstraint num() {
        return ArgumentConstraints.typeOf(JmesPathType.NUMBER);
    }

    private static ArgumentConstraint strOrNum() {
        return ArgumentConstraints.typeOf(JmesPathType.STRING, JmesPathType.NUMBER);
    }

    private static ArgumentConstraint any() {
        return ArgumentConstraints.anyValue();
    }

    static List<Function> all() {
        return List.of(
                new Fn("to_upper", a -> ((String) a.get(0)).toUpperCase(java.util.Locale.ROOT), str()),
                new Fn("to_lower", a -> ((String) a.get(0)).toLowerCase(java.util.Locale.ROOT), str()),
                new Fn("split", a -> splitText((String) a.get(0), (String) a.get(1)), str(), str()),
                new Fn("regex_match", a -> regex((String) a.get(0)).matcher(text(a.get(1))).find(), str(), strOrNum()),
                new Fn("regex_replace_all", a -> regex((String) a.get(0)).matcher(text(a.get(1)))
                        .replaceAll(goReplacement(text(a.get(2)))), str(), strOrNum(), strOrNum()),
                new Fn("regex_replace_all_literal", a -> regex((String) a.get(0)).matcher(text(a.get(1)))
                        .replaceAll(java.util.regex.Matcher.quoteReplacement(text(a.get(2)))), str(), strOrNum(), strOrNum()),
                new Fn("equal_fold", a -> ((String) a.get(0)).equalsIgnoreCase((String) a.get(1)), str(), str()),
                new Fn("replace", a -> replace((String) a.get(0), (String) a.get(1), (String) a.get(2),
                        ((Number) a.get(3)).intValue()), str(), str(), str(), num()),
                new Fn("replace_all", a -> ((String) a.get(0)).replace((String) a.get(1), (String) a.get(2)), str(), str(), str()),
                new Fn("trim", a -> trim((String) a.get(0), (String) a.get(1)), str(), str()),
                new Fn("trim_prefix", a -> {
                    String s = (String) a.get(0);
                    String p = (String) a.get(1);
                    return s.startsWith(p) ? s.substring(p.length()) : s;
                }, str(), str()),
                new Fn("truncate", a -> {
                    String s = (String) a.get(0);
                    int n = Math.max(0, ((Number) a.get(1)).intValue());
                    return s.length() <= n ? s : s.substring(0, n);
                }, str(), num()),
                new Fn("base64_encode", a -> Base64.getEncoder().encodeToString(((String) a.get(0)).getBytes(StandardCharsets.UTF_8)), str()),
                new Fn("base64_decode", a -> new String(Base64.getDecoder().decode((String) a.get(0)), StandardCharsets.UTF_8), str()),
                new Fn("add", a -> arithmetic(a.get(0), a.get(1), '+'), num(), num()),
                new Fn("subtract", a -> arithmetic(a.get(0), a.get(1), '-'), num(), num()),
                new Fn("multiply", a -> arithmetic(a.get(0), a.get(1), '*'), num(), num()),
                new Fn("divide", a -> arithmetic(a.get(0), a.get(1), '/'), num(), num()),
                new Fn("modulo", a -> arithmetic(a.get(0), a.get(1), '%'), num(), num()),
                new Fn("label_match", a -> labelMatch(a.get(0), a.get(1)), ArgumentConstraints.typeOf(JmesPathType.OBJECT),
                        ArgumentConstraints.typeOf(JmesPathType.OBJECT)),
                new Fn("time_now_utc", a -> now()),
                new Fn("time_now", a -> now()),
                new Fn("time_before", a -> instant(a.get(0)).isBefore(instant(a.get(1))), str(), str()),
                new Fn("time_after", a -> instant(a.get(0)).isAfter(instant(a.get(1))), str(), str()),
                new Fn("time_between", a -> {
                    Instant t = instant(a.get(0));
                    return t.isAfter(instant(a.get(1))) && t.isBefore(instant(a.get(2)));
                }, str(), str(), str()),
                new Fn("time_utc", a -> format(instant(a.get(0))), str()));
    }

    private static String now() {
        Clock clock = CLOCK.isBound() ? CLOCK.get() : Clock.systemUTC();
        return format(clock.instant());
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))
                .replace("+00:00", "Z");
    }

    private static Instant instant(Object value) {
        String s = (String) value;
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: " + s, e);
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s : Trees.numberText((Number) value);
    }

    static Pattern regex(String expression) {
        return REGEX_CACHE.computeIfAbsent(expression, e -> {
            try {
                return Pattern.compile(e);
            } catch (PatternSyntaxException ex) {
                throw new IllegalArgumentException("invalid regular expression: " + e, ex);
            }
        });
    }

    /// Go's `${1}` / `$1` replacement syntax mapped onto Java's.
    private static String goReplacement(String replacement) {
        return replacement.replaceAll("\\$\\{(\\w+)\\}", "\\$$1");
    }

    private static List<Object> splitText(String s, String sep) {
        var out = new ArrayList<Object>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        int from = 0;
        int i;
        while ((i = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, i));
            from = i + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    private static String replace(String s, String old, String neu, int n) {
        if (n < 0) {
            return s.replace(old, neu);
        }
        var sb = new StringBuilder();
        int from = 0;
        for (int k = 0; k < n; k++) {
            int i = s.indexOf(old, from);
            if (i < 0) {
                break;
            }
            sb.append(s, from, i).append(neu);
            from = i + old.length();
        }
        return sb.append(s.substring(from)).toString();
    }

    private static String trim(String s, String cutset) {
        int b = 0;
        int e = s.length();
        while (b < e && cutset.indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        while (e > b && cutset.indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(b, e);
    }

    private static Object arithmetic(Object x, Object y, char op) {
        double a = ((Number) x).doubleValue();
        double b = ((Number) y).doubleValue();
        if ((op == '/' || op == '%') && b == 0) {
            throw new IllegalArgumentException("division by zero");
        }
        double r = switch (op) {
            case '+' -> a + b;
            case '-' -> a - b;
            case '*' -> a * b;
            case '/' -> a / b;
            default -> a % b;
        };
        return Trees.isIntegral(r) && Math.abs(r) < 9e15 ? (Object) (long) r : (Object) r;
    }

    private static boolean labelMatch(Object selector, Object labels) {
        var l = Trees.asMap(labels);
        for (var e : Trees.asMap(selector).entrySet()) {
            if (!Trees.deepEquals(e.getValue(), l.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
