package dev.waiver.engine.exemption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/// Filters a register as the user types, fast enough for one frame per keystroke at 100k rows.
///
/// Two things make it fast. Typing usually narrows the search ("pay" → "paym"), so when every old word
/// is contained in some new word, only the rows that matched before are scanned. And a full scan (first
/// keystroke, backspace, another filter changed) runs over chunks in parallel. The status counters come
/// from the same pass: they count rows matching every filter but the status one.
public final class RegisterSearch {

    private static final int CHUNK = 8_192;

    private final List<RegisterEntry> all;
    private RegisterFilter lastFilter;
    private List<RegisterEntry> lastCandidates;

    public RegisterSearch(List<RegisterEntry> entries) {
        this.all = List.copyOf(entries);
    }

    /// The rows the filter shows, and the status counts under its other dimensions.
    public record Result(List<RegisterEntry> rows, Map<ExemptionStatus, Integer> counts) { }

    public Result apply(RegisterFilter filter) {
        List<RegisterEntry> candidates = narrows(filter)
                ? scan(lastCandidates, filter.predicateIgnoringStatus())
                : scan(all, filter.predicateIgnoringStatus());
        lastFilter = filter;
        lastCandidates = candidates;
        var counts = new EnumMap<ExemptionStatus, Integer>(ExemptionStatus.class);
        for (ExemptionStatus s : ExemptionStatus.values()) {
            counts.put(s, 0);
        }
        var rows = new ArrayList<RegisterEntry>(candidates.size());
        for (RegisterEntry e : candidates) {
            counts.merge(e.status(), 1, Integer::sum);
            if (filter.statuses().isEmpty() || filter.statuses().contains(e.status())) {
                rows.add(e);
            }
        }
        return new Result(rows, counts);
    }

    /// True when the new filter can only match a subset of what the last one matched (status aside).
    private boolean narrows(RegisterFilter next) {
        if (lastFilter == null || !lastFilter.checkTypes().equals(next.checkTypes())
                || !lastFilter.namespaces().equals(next.namespaces())) {
            return false;
        }
        var newWords = next.words();
        return lastFilter.words().stream().allMatch(old -> newWords.stream().anyMatch(w -> w.contains(old)));
    }

    private static List<RegisterEntry> scan(List<RegisterEntry> source, Predicate<RegisterEntry> keep) {
        if (source.size() <= CHUNK) {
            return scanRange(source, 0, source.size(), keep);
        }
        int chunks = (source.size() + CHUNK - 1) / CHUNK;
        @SuppressWarnings("unchecked")
        List<RegisterEntry>[] parts = new List[chunks];
        IntStream.range(0, chunks).parallel().forEach(c ->
                parts[c] = scanRange(source, c * CHUNK, Math.min(source.size(), (c + 1) * CHUNK), keep));
        var result = new ArrayList<RegisterEntry>();
        Arrays.stream(parts).forEach(result::addAll);
        return result;
    }

    private static List<RegisterEntry> scanRange(List<RegisterEntry> source, int from, int to, Predicate<RegisterEntry> keep) {
        var out = new ArrayList<RegisterEntry>();
        for (int i = from; i < to; i++) {
            RegisterEntry e = source.get(i);
            if (keep.test(e)) {
                out.add(e);
            }
        }
        return out;
    }
}
