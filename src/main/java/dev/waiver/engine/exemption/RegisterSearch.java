package dev.waiver.engine.exemption;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/// Filters a register as the user types, fast enough for one frame per keystroke at 100k rows. The
/// window runs one [#verdicts] per keystroke; the status dimension is applied afterwards, cheaply, so the
/// status counters can count every row the other filters let through.
///
/// - More text typed after the old (`pay` → `paym`) constrains at least as much, so only the rows that
///   passed last time are tested again.
/// - Filters seen recently (backspacing over what was just typed) reuse their verdicts outright.
public final class RegisterSearch {

    /// One filter's verdict per row (by position in the register), with its counts per status.
    public record Verdicts(boolean[] passes, int[] perStatus, int any) {
        public int count(ExemptionStatus status) {
            return perStatus[status.ordinal()];
        }
    }

    private static final int REMEMBERED = 24;

    private final RegisterEntry[] rows;
    private RegisterFilter lastFilter;
    private Verdicts last;
    /// Recent filters' verdicts, least recently used first; a bit over 100 KB each at 100k rows.
    private final Map<RegisterFilter, Verdicts> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RegisterFilter, Verdicts> eldest) {
            return size() > REMEMBERED;
        }
    };

    public RegisterSearch(List<RegisterEntry> rows) {
        this.rows = rows.toArray(RegisterEntry[]::new);
    }

    /// Which rows pass `filter`, its status set ignored, and how many of those there are per status.
    public Verdicts verdicts(RegisterFilter filter) {
        RegisterFilter key = filter.withStatuses(java.util.Set.of());
        Verdicts known = recent.get(key);
        if (known == null) {
            known = test(key);
            recent.put(key, known);
        }
        lastFilter = key;
        last = known;
        return known;
    }

    private Verdicts test(RegisterFilter filter) {
        boolean narrowing = last != null
                && filter.checkTypes().equals(lastFilter.checkTypes())
                && filter.namespaces().equals(lastFilter.namespaces())
                && filter.contexts().equals(lastFilter.contexts())
                && lower(filter.text()).startsWith(lower(lastFilter.text()));
        boolean[] previous = narrowing ? last.passes() : null;
        Predicate<RegisterEntry> others = filter.predicateIgnoringStatus();
        var passes = new boolean[rows.length];
        int[] perStatus = new int[ExemptionStatus.values().length];
        int any = 0;
        for (int i = 0; i < rows.length; i++) {
            if (previous != null && !previous[i]) {
                continue;
            }
            if (others.test(rows[i])) {
                passes[i] = true;
                perStatus[rows[i].status().ordinal()]++;
                any++;
            }
        }
        return new Verdicts(passes, perStatus, any);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
