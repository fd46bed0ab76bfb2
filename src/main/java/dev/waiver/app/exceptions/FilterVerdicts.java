package dev.waiver.app.exceptions;

import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.RegisterEntry;
import dev.waiver.engine.exemption.RegisterFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/// Which rows pass the non-status filters, and how many per status: the one search pass a keystroke
/// costs, made as cheap as the change allows.
///
/// - More text typed after the old (`pay` → `paym`) constrains at least as much (every old word is a
///   prefix of a new one), so only the rows that passed last time are tested again.
/// - Filters seen recently (backspacing over what was just typed) reuse their verdicts outright.
final class FilterVerdicts {

    /// One filter's verdict per row (by [ExceptionRow#index()]), with its counts per status.
    record Verdicts(boolean[] passes, int[] perStatus, int any) {
        int count(ExemptionStatus status) {
            return perStatus[status.ordinal()];
        }
    }

    private static final int REMEMBERED = 24;

    private ExceptionRow[] rows = new ExceptionRow[0];
    private RegisterFilter lastFilter;
    private Verdicts last;
    /// Recent filters' verdicts, least recently used first; a bit over 100 KB each at 100k rows.
    private final Map<RegisterFilter, Verdicts> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RegisterFilter, Verdicts> eldest) {
            return size() > REMEMBERED;
        }
    };

    /// New rows (a load): forget everything computed for the old ones. `rows.get(i).index()` must be `i`.
    void reset(List<ExceptionRow> newRows) {
        rows = newRows.toArray(ExceptionRow[]::new);
        lastFilter = null;
        last = null;
        recent.clear();
    }

    /// The verdicts for `filter` (its status set is ignored).
    Verdicts compute(RegisterFilter filter) {
        Verdicts known = recent.get(filter);
        if (known == null) {
            known = test(filter);
            recent.put(filter, known);
        }
        lastFilter = filter;
        last = known;
        return known;
    }

    private Verdicts test(RegisterFilter filter) {
        boolean narrowing = last != null
                && filter.checkTypes().equals(lastFilter.checkTypes())
                && filter.namespaces().equals(lastFilter.namespaces())
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
            ExceptionRow row = rows[i];
            if (others.test(row.entry())) {
                passes[i] = true;
                perStatus[row.statusOrdinal()]++;
                any++;
            }
        }
        return new Verdicts(passes, perStatus, any);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
