package dev.waiver.app.compliance;

import dev.waiver.app.evaluation.ResultCounts;
import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Which Compliance results the table shows: the quick filters behind the result counters (a result, or
/// only the Skips that hide a failure) and the policy / rule / namespace / kind filters, with the counts
/// each counter shows. A counter counts what clicking it would show, so the counts follow every filter but
/// the result ones. [ComplianceViewModel] owns the rows and applies the [#predicateProperty()] to them; this
/// class only decides, in one pass over the rows per change of a non-result filter.
public final class ResultFilterViewModel {

    /// The values each filter offers, gathered off the FX thread with the rows they come from.
    record Choices(List<String> policies, List<String> rules, List<String> namespaces, List<String> kinds) {

        static Choices of(List<ResultRow> rows) {
            return new Choices(distinct(rows, ResultRow::policy), distinct(rows, ResultRow::rule),
                    distinct(rows, ResultRow::namespace), distinct(rows, ResultRow::kind));
        }

        private static List<String> distinct(List<ResultRow> rows, Function<ResultRow, String> field) {
            var values = new TreeSet<String>();
            rows.forEach(r -> values.add(field.apply(r)));
            values.remove("");
            return List.copyOf(values);
        }
    }

    private final ObservableList<ResultRow> source;

    private final ObjectProperty<Set<RuleStatus>> resultFilter = new SimpleObjectProperty<>(this, "resultFilter", Set.of());
    private final ObjectProperty<Set<String>> policyFilter = new SimpleObjectProperty<>(this, "policyFilter", Set.of());
    private final ObjectProperty<Set<String>> ruleFilter = new SimpleObjectProperty<>(this, "ruleFilter", Set.of());
    private final ObjectProperty<Set<String>> namespaceFilter = new SimpleObjectProperty<>(this, "namespaceFilter", Set.of());
    private final ObjectProperty<Set<String>> kindFilter = new SimpleObjectProperty<>(this, "kindFilter", Set.of());
    private final BooleanProperty hiddenFailuresOnly = new SimpleBooleanProperty(this, "hiddenFailuresOnly", false);

    private final ObservableList<String> policies = FXCollections.observableArrayList();
    private final ObservableList<String> policiesView = FXCollections.unmodifiableObservableList(policies);
    private final ObservableList<String> rules = FXCollections.observableArrayList();
    private final ObservableList<String> rulesView = FXCollections.unmodifiableObservableList(rules);
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final ObservableList<String> namespacesView = FXCollections.unmodifiableObservableList(namespaces);
    private final ObservableList<String> kinds = FXCollections.observableArrayList();
    private final ObservableList<String> kindsView = FXCollections.unmodifiableObservableList(kinds);

    private final Map<RuleStatus, ReadOnlyIntegerWrapper> counts = new EnumMap<>(RuleStatus.class);
    private final ReadOnlyIntegerWrapper matchingAny = new ReadOnlyIntegerWrapper(this, "matchingAny");
    private final ReadOnlyIntegerWrapper hiddenFailures = new ReadOnlyIntegerWrapper(this, "hiddenFailures");
    private final ReadOnlyObjectWrapper<Predicate<ResultRow>> predicate = new ReadOnlyObjectWrapper<>(this, "predicate");

    /// Per row (by [ResultRow#index()]): does it pass every filter but the result ones?
    private boolean[] passesOthers = new boolean[0];

    /// @param source every result of the run shown, in any order; the filters read it, never change it
    ResultFilterViewModel(ObservableList<ResultRow> source) {
        this.source = source;
        for (RuleStatus s : RuleStatus.values()) {
            counts.put(s, new ReadOnlyIntegerWrapper(this, "count" + s.name()));
        }
        for (var filter : List.of(policyFilter, ruleFilter, namespaceFilter, kindFilter)) {
            filter.addListener((obs, old, now) -> recount());
        }
        resultFilter.addListener((obs, old, now) -> applyPredicate());
        hiddenFailuresOnly.addListener((obs, old, now) -> applyPredicate());
    }

    // ---- inputs

    /// Results to show; empty shows all.
    public ObjectProperty<Set<RuleStatus>> resultFilterProperty() {
        return resultFilter;
    }

    public ObjectProperty<Set<String>> policyFilterProperty() {
        return policyFilter;
    }

    public ObjectProperty<Set<String>> ruleFilterProperty() {
        return ruleFilter;
    }

    public ObjectProperty<Set<String>> namespaceFilterProperty() {
        return namespaceFilter;
    }

    public ObjectProperty<Set<String>> kindFilterProperty() {
        return kindFilter;
    }

    /// Only the Skips that hide a failure.
    public BooleanProperty hiddenFailuresOnlyProperty() {
        return hiddenFailuresOnly;
    }

    // ---- outputs

    public ObservableList<String> availablePolicies() {
        return policiesView;
    }

    public ObservableList<String> availableRules() {
        return rulesView;
    }

    public ObservableList<String> availableNamespaces() {
        return namespacesView;
    }

    public ObservableList<String> availableKinds() {
        return kindsView;
    }

    /// Results of this kind that pass the other filters: what clicking its counter would show.
    public ReadOnlyIntegerProperty countProperty(RuleStatus status) {
        return counts.get(status).getReadOnlyProperty();
    }

    /// Results of any kind that pass the other filters.
    public ReadOnlyIntegerProperty matchingAnyProperty() {
        return matchingAny.getReadOnlyProperty();
    }

    /// Skips that pass the other filters and would be failures without their exception.
    public ReadOnlyIntegerProperty hiddenFailuresProperty() {
        return hiddenFailures.getReadOnlyProperty();
    }

    /// Which rows pass every filter; null (before the first count) passes all.
    public ReadOnlyObjectProperty<Predicate<ResultRow>> predicateProperty() {
        return predicate.getReadOnlyProperty();
    }

    // ---- commands

    /// Adds the result to the quick filter, or removes it if it is there.
    public void toggleResult(RuleStatus status) {
        var next = resultFilter.get().isEmpty() ? EnumSet.noneOf(RuleStatus.class) : EnumSet.copyOf(resultFilter.get());
        if (!next.remove(status)) {
            next.add(status);
        }
        resultFilter.set(Set.copyOf(next));
    }

    public void showAllResults() {
        resultFilter.set(Set.of());
        hiddenFailuresOnly.set(false);
    }

    public void clearFilters() {
        showAllResults();
        policyFilter.set(Set.of());
        ruleFilter.set(Set.of());
        namespaceFilter.set(Set.of());
        kindFilter.set(Set.of());
    }

    // ---- what the owner of the rows calls

    /// Offers a new run's values; a chosen value the run no longer has is dropped from its filter.
    void offer(Choices choices) {
        policies.setAll(choices.policies());
        rules.setAll(choices.rules());
        namespaces.setAll(choices.namespaces());
        kinds.setAll(choices.kinds());
        policyFilter.set(retain(policyFilter.get(), choices.policies()));
        ruleFilter.set(retain(ruleFilter.get(), choices.rules()));
        namespaceFilter.set(retain(namespaceFilter.get(), choices.namespaces()));
        kindFilter.set(retain(kindFilter.get(), choices.kinds()));
    }

    /// One pass over the rows: which pass the non-result filters, and the counters under them.
    void recount() {
        var verdicts = new boolean[source.size()];
        var matching = new ArrayList<RuleResult>();
        Set<String> p = policyFilter.get();
        Set<String> r = ruleFilter.get();
        Set<String> n = namespaceFilter.get();
        Set<String> k = kindFilter.get();
        for (ResultRow row : source) {
            boolean passes = (p.isEmpty() || p.contains(row.policy())) && (r.isEmpty() || r.contains(row.rule()))
                    && (n.isEmpty() || n.contains(row.namespace())) && (k.isEmpty() || k.contains(row.kind()));
            verdicts[row.index()] = passes;
            if (passes) {
                matching.add(row.result());
            }
        }
        ResultCounts c = ResultCounts.of(matching);
        for (RuleStatus s : RuleStatus.values()) {
            counts.get(s).set(c.count(s));
        }
        matchingAny.set(c.total());
        hiddenFailures.set(c.hiddenFailures());
        passesOthers = verdicts;
        applyPredicate();
    }

    private static Set<String> retain(Set<String> chosen, List<String> available) {
        var kept = new HashSet<>(chosen);
        kept.retainAll(available);
        return kept.size() == chosen.size() ? chosen : Set.copyOf(kept);
    }

    private void applyPredicate() {
        predicate.set(new RowPredicate(passesOthers, resultFilter.get(), hiddenFailuresOnly.get()));
    }

    /// A fresh object per change: `FilteredList` only refilters when the predicate is a new instance.
    private static final class RowPredicate implements Predicate<ResultRow> {
        private final boolean[] passes;
        private final Set<RuleStatus> results;
        private final boolean hiddenOnly;

        RowPredicate(boolean[] passes, Set<RuleStatus> results, boolean hiddenOnly) {
            this.passes = passes;
            this.results = results.isEmpty() ? Set.of() : EnumSet.copyOf(results);
            this.hiddenOnly = hiddenOnly;
        }

        @Override
        public boolean test(ResultRow row) {
            return row.index() < passes.length && passes[row.index()]
                    && (results.isEmpty() || results.contains(row.status()))
                    && (!hiddenOnly || row.hidesFailure());
        }
    }
}
