package dev.waiver.engine.exemption;

import dev.waiver.engine.tree.Trees;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Reads the time bounds out of a PolicyException's `spec.conditions` the way Kyverno evaluates them.
///
/// Kyverno honours an exception only while its conditions hold. A working bound is
/// `{{ time_before('{{ time_now_utc() }}', T) }} Equals true` (ends at T) or the same with `time_after`
/// (starts at T). The form `{{ time_now_utc() }} LessThan T` looks right but is never true: Kyverno's
/// ordering operators compare numbers, durations, quantities and versions, never timestamps. Such a
/// condition makes the whole block false, so the exception is never honoured; we keep the date the author
/// meant so the reviewer can see it and repair it.
public final class TimeConditions {

    private static final String NOW = "(?:'\\{\\{\\s*time_now_utc\\(\\s*\\)\\s*\\}\\}'|time_now_utc\\(\\s*\\))";
    private static final String LITERAL = "'([^']*)'";
    private static final Pattern NOW_FIRST = Pattern.compile(
            "^\\{\\{\\s*time_(before|after)\\(\\s*" + NOW + "\\s*,\\s*" + LITERAL + "\\s*\\)\\s*\\}\\}$");
    private static final Pattern NOW_SECOND = Pattern.compile(
            "^\\{\\{\\s*time_(before|after)\\(\\s*" + LITERAL + "\\s*,\\s*" + NOW + "\\s*\\)\\s*\\}\\}$");
    private static final Pattern BARE_NOW = Pattern.compile("^\\{\\{\\s*time_now_utc\\(\\s*\\)\\s*\\}\\}$");

    private TimeConditions() {
    }

    /// What the conditions say about time. `neverTrue` lists the conditions that can never hold.
    public record Terms(
            Optional<Instant> start,
            Optional<Instant> end,
            Optional<Instant> intendedStart,
            Optional<Instant> intendedEnd,
            List<String> neverTrue,
            boolean dependsOnResource) {

        static final Terms NONE = new Terms(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), false);

        public boolean neverHonoured() {
            return !neverTrue.isEmpty();
        }
    }

    /// One condition classified: a start, an end, never true (with the date meant), or something else.
    private sealed interface Bound {
        record Starts(Instant at) implements Bound { }
        record Ends(Instant at) implements Bound { }
        record Never(String why, Optional<Instant> meantStart, Optional<Instant> meantEnd) implements Bound { }
        record Other() implements Bound { }
    }

    public static Terms read(Object conditions) {
        if (conditions instanceof List<?>) {
            return combine(classify(Trees.maps(Map.of("c", conditions), "c")), true);
        }
        if (!(conditions instanceof Map<?, ?>)) {
            return Terms.NONE;
        }
        var all = classify(Trees.maps(conditions, "all"));
        var any = classify(Trees.maps(conditions, "any"));
        Terms fromAll = combine(all, true);
        Terms fromAny = any.size() == 1 ? combine(any, true) : combine(any, false);
        return merge(fromAll, fromAny);
    }

    private static List<Bound> classify(List<Map<String, Object>> conditions) {
        return conditions.stream().map(TimeConditions::classify).toList();
    }

    private static Bound classify(Map<String, Object> condition) {
        String key = Trees.string(condition, "key").orElse("");
        String operator = Trees.string(condition, "operator").orElse("").toLowerCase(Locale.ROOT);
        Object value = condition.get("value");

        Matcher m = NOW_FIRST.matcher(key);
        boolean nowFirst = m.matches();
        if (!nowFirst) {
            m = NOW_SECOND.matcher(key);
        }
        if (nowFirst || m.matches()) {
            boolean before = m.group(1).equals("before") == nowFirst;
            Optional<Instant> at = Timestamps.parseRfc3339(m.group(2));
            Optional<Instant> meant = Timestamps.parseLenient(m.group(2));
            if (!operator.equals("equals") && !operator.equals("equal")) {
                return new Bound.Other();
            }
            if (value instanceof String s && s.strip().equalsIgnoreCase("true")) {
                return never("compares the boolean result with the string \"true\"", before, meant);
            }
            if (!Boolean.TRUE.equals(value)) {
                return new Bound.Other();
            }
            if (at.isEmpty()) {
                return never("has a timestamp that is not RFC 3339, so the function errors", before, meant);
            }
            return before ? new Bound.Ends(at.get()) : new Bound.Starts(at.get());
        }
        if (BARE_NOW.matcher(key).matches() && operator.matches("(less|greater)than(orequals)?")) {
            Optional<Instant> meant = value == null ? Optional.empty() : Timestamps.parseLenient(String.valueOf(value));
            return never("compares timestamps with " + Trees.string(condition, "operator").orElse(operator)
                    + ", which Kyverno only applies to numbers, durations, quantities and versions",
                    operator.startsWith("less"), meant);
        }
        return new Bound.Other();
    }

    private static Bound never(String why, boolean isEnd, Optional<Instant> meant) {
        return isEnd ? new Bound.Never(why, Optional.empty(), meant) : new Bound.Never(why, meant, Optional.empty());
    }

    /// `requireAll` combines as an `all` block (every bound holds); otherwise as an `any` block with
    /// several entries, where time bounds alone cannot decide and only "all never true" is certain.
    private static Terms combine(List<Bound> bounds, boolean requireAll) {
        if (bounds.isEmpty()) {
            return Terms.NONE;
        }
        Optional<Instant> start = Optional.empty();
        Optional<Instant> end = Optional.empty();
        Optional<Instant> meantStart = Optional.empty();
        Optional<Instant> meantEnd = Optional.empty();
        var never = new ArrayList<String>();
        boolean other = false;
        for (Bound bound : bounds) {
            switch (bound) {
                case Bound.Starts s -> start = later(start, Optional.of(s.at()));
                case Bound.Ends e -> end = earlier(end, Optional.of(e.at()));
                case Bound.Never n -> {
                    never.add(n.why());
                    meantStart = later(meantStart, n.meantStart());
                    meantEnd = earlier(meantEnd, n.meantEnd());
                }
                case Bound.Other o -> other = true;
            }
        }
        if (!requireAll) {
            boolean allNever = never.size() == bounds.size();
            return new Terms(Optional.empty(), Optional.empty(), meantStart, meantEnd,
                    allNever ? never : List.of(), true);
        }
        return new Terms(start, end, meantStart, meantEnd, List.copyOf(never), other);
    }

    private static Terms merge(Terms a, Terms b) {
        var never = new ArrayList<>(a.neverTrue());
        never.addAll(b.neverTrue());
        return new Terms(later(a.start(), b.start()), earlier(a.end(), b.end()),
                later(a.intendedStart(), b.intendedStart()), earlier(a.intendedEnd(), b.intendedEnd()),
                List.copyOf(never), a.dependsOnResource() || b.dependsOnResource());
    }

    private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
    }
}
