package dev.waiver.engine.exemption;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/// The exception register of a workspace at one instant: every exception with its derived status,
/// check types and findings.
public final class Register {

    private final List<RegisterEntry> entries;
    private final Instant assessedAt;

    private Register(List<RegisterEntry> entries, Instant assessedAt) {
        this.entries = entries;
        this.assessedAt = assessedAt;
    }

    public static Register assess(Collection<Exemption> exemptions, PolicyCatalog catalog, Instant now) {
        return new Register(exemptions.stream().map(e -> RegisterEntry.assess(e, catalog, now)).toList(), now);
    }

    public List<RegisterEntry> entries() {
        return entries;
    }

    public Instant assessedAt() {
        return assessedAt;
    }

    public List<RegisterEntry> select(RegisterFilter filter) {
        return entries.stream().filter(filter.predicate()).toList();
    }

    /// Rows per status under every filter but the status one.
    public Map<ExemptionStatus, Integer> countByStatus(RegisterFilter filter) {
        return countByStatus(entries, filter);
    }

    public static Map<ExemptionStatus, Integer> countByStatus(List<RegisterEntry> rows, RegisterFilter filter) {
        var counts = new EnumMap<ExemptionStatus, Integer>(ExemptionStatus.class);
        for (ExemptionStatus s : ExemptionStatus.values()) {
            counts.put(s, 0);
        }
        Predicate<RegisterEntry> others = filter.predicateIgnoringStatus();
        for (RegisterEntry e : rows) {
            if (others.test(e)) {
                counts.merge(e.status(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /// The check types present, sorted, for the filter's choices.
    public List<String> checkTypes() {
        var types = new TreeSet<String>();
        entries.forEach(e -> types.addAll(e.checkTypes()));
        return List.copyOf(types);
    }

    /// The namespaces exceptions live in or name, sorted, for the filter's choices.
    public List<String> namespaces() {
        var names = new TreeSet<String>();
        entries.forEach(e -> names.addAll(e.namespaces()));
        return List.copyOf(names);
    }

    /// The kubeconfig contexts exceptions were read from or applied to, sorted, for the filter's choices.
    /// Empty for a folder or the demo.
    public List<String> contexts() {
        var names = new TreeSet<String>();
        entries.forEach(e -> e.exemption().source().context().ifPresent(names::add));
        return List.copyOf(names);
    }
}
