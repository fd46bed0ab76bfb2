package dev.waiver.engine.evaluation;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/// Go `time.ParseDuration` syntax (`1h30m`, `500ms`, `-2s`), in seconds. Kyverno compares
/// durations before quantities, so `"1m"` is a minute here, never a milli-unit.
public final class GoDuration {

    private static final Pattern SYNTAX = Pattern.compile("[+-]?(?:(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)");

    private GoDuration() {
    }

    /// Parses a duration; a plain `"0"` counts as a duration only when `zeroAllowed` (Go accepts
    /// it, but Kyverno's condition operators refuse it so that `"0"` stays a number).
    public static Optional<BigDecimal> parseSeconds(String text, boolean zeroAllowed) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (text.equals("0") || text.equals("+0") || text.equals("-0")) {
            return zeroAllowed ? Optional.of(BigDecimal.ZERO) : Optional.empty();
        }
        char last = text.charAt(text.length() - 1);
        if ((last != 's' && last != 'm' && last != 'h') || !SYNTAX.matcher(text).matches()) {  // every unit ends so
            return Optional.empty();
        }
        boolean negative = text.startsWith("-");
        var m = PART.matcher(text);
        BigDecimal total = BigDecimal.ZERO;
        while (m.find()) {
            BigDecimal n = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
            BigDecimal unit = switch (m.group(2)) {
                case "ns" -> new BigDecimal("1e-9");
                case "us", "µs", "μs" -> new BigDecimal("1e-6");
                case "ms" -> new BigDecimal("1e-3");
                case "s" -> BigDecimal.ONE;
                case "m" -> BigDecimal.valueOf(60);
                default -> BigDecimal.valueOf(3600);
            };
            total = total.add(n.multiply(unit));
        }
        return Optional.of(negative ? total.negate() : total);
    }
}
