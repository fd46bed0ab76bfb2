package dev.waiver.app.compliance;

import dev.waiver.app.evaluation.EvaluationInputs;
import dev.waiver.app.evaluation.ResultCounts;
import dev.waiver.app.evaluation.WorkspaceEvaluation;
import dev.waiver.app.exceptions.YamlRenderer;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.Navigator;
import dev.waiver.app.ui.Screen;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.evaluation.RuleStatus;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/// The Compliance screen: the open workspace evaluated in the background (progress, cancel, re-run), its
/// results filterable by result, policy, rule, namespace and kind, counted per result, and for the selected
/// result the rule and the resource as YAML and, from a failure, a request for an exception.
///
/// The evaluation is [WorkspaceEvaluation], the one `waiver evaluate` shares. It runs when the screen is
/// shown ([#activate()]) and the workspace has changed since the last run; a run the user cancels stops
/// between resources and leaves the previous results in place.
public final class ComplianceViewModel {

    /// Opens the request form filled from a failed check (the Reviews screen's form).
    @FunctionalInterface
    public interface ExceptionRequester {
        void requestFor(String policyKey, String rule, String kind, String namespace, String name);
    }

    /// How far a run got, reported from the evaluating thread.
    private record Step(int done, int total) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final BackgroundRunner runner;
    private final Clock clock;
    private final ObservableValue<Workspace> workspace;
    private final YamlRenderer yaml;
    private final ExceptionRequester requester;
    private final Navigator navigator;
    private final ObservableStringValue reviewsUnavailable;

    private final ObjectProperty<Set<RuleStatus>> resultFilter = new SimpleObjectProperty<>(this, "resultFilter", Set.of());
    private final ObjectProperty<Set<String>> policyFilter = new SimpleObjectProperty<>(this, "policyFilter", Set.of());
    private final ObjectProperty<Set<String>> ruleFilter = new SimpleObjectProperty<>(this, "ruleFilter", Set.of());
    private final ObjectProperty<Set<String>> namespaceFilter = new SimpleObjectProperty<>(this, "namespaceFilter", Set.of());
    private final ObjectProperty<Set<String>> kindFilter = new SimpleObjectProperty<>(this, "kindFilter", Set.of());
    private final BooleanProperty hiddenFailuresOnly = new SimpleBooleanProperty(this, "hiddenFailuresOnly", false);
    private final ObjectProperty<Comparator<? super ResultRow>> comparator = new SimpleObjectProperty<>(this, "comparator");
    private final ObjectProperty<ResultRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");

    private final ObservableList<ResultRow> source = FXCollections.observableArrayList();
    private final SortedList<ResultRow> sorted = new SortedList<>(source);
    private final FilteredList<ResultRow> filtered = new FilteredList<>(sorted);
    private final ObservableList<ResultRow> rows = FXCollections.unmodifiableObservableList(filtered);
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
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyStringWrapper selectedTitle = new ReadOnlyStringWrapper(this, "selectedTitle", "");
    private final ReadOnlyStringWrapper selectedText = new ReadOnlyStringWrapper(this, "selectedText", "");
    private final ReadOnlyStringWrapper ruleYaml = new ReadOnlyStringWrapper(this, "ruleYaml", "");
    private final ReadOnlyStringWrapper resourceYaml = new ReadOnlyStringWrapper(this, "resourceYaml", "");
    private final ReadOnlyBooleanWrapper canRequest = new ReadOnlyBooleanWrapper(this, "canRequest");
    private final ReadOnlyStringWrapper requestWhyNot = new ReadOnlyStringWrapper(this, "requestWhyNot", "");

    private WorkspaceEvaluation.Evaluation evaluation;
    private String evaluatedTitle = "";
    /// Per row (by [ResultRow#index()]): does it pass every filter but the result ones?
    private boolean[] passesOthers = new boolean[0];
    private int generation;
    private AtomicBoolean cancelRequested = new AtomicBoolean();
    private boolean active;
    private boolean stale = true;

    public ComplianceViewModel(BackgroundRunner runner, Clock clock, ObservableValue<Workspace> workspace, YamlRenderer yaml,
                               ExceptionRequester requester, Navigator navigator, ObservableStringValue reviewsUnavailable) {
        this.runner = runner;
        this.clock = clock;
        this.workspace = workspace;
        this.yaml = yaml;
        this.requester = requester;
        this.navigator = navigator;
        this.reviewsUnavailable = reviewsUnavailable;
        for (RuleStatus s : RuleStatus.values()) {
            counts.put(s, new ReadOnlyIntegerWrapper(this, "count" + s.name()));
        }
        sorted.comparatorProperty().bind(comparator);
        shownCount.bind(Bindings.size(filtered));
        canRun.bind(Bindings.createBooleanBinding(() -> workspace.getValue() != null && !running.get(), workspace, running));
        for (var filter : List.of(policyFilter, ruleFilter, namespaceFilter, kindFilter)) {
            filter.addListener((obs, old, now) -> refilterAll());
        }
        resultFilter.addListener((obs, old, now) -> applyPredicate());
        hiddenFailuresOnly.addListener((obs, old, now) -> applyPredicate());
        selectedRow.addListener((obs, old, row) -> showSelected());
        reviewsUnavailable.addListener((obs, old, now) -> showSelected());
        workspace.addListener((obs, old, now) -> workspaceChanged());
        showSelected();
        updatePlaceholder();
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

    /// The table's sort order (bound by the view); null keeps evaluation order.
    public ObjectProperty<Comparator<? super ResultRow>> comparatorProperty() {
        return comparator;
    }

    public ObjectProperty<ResultRow> selectedRowProperty() {
        return selectedRow;
    }

    // ---- outputs

    public ObservableList<ResultRow> rows() {
        return rows;
    }

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

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /// A workspace is open and no run is in progress.
    public ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    /// 0 to 1 while running; -1 before the first resource is done.
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /// `12 of 30 resources`
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /// What the results shown are: which workspace, how much of it, when; or that a run was cancelled.
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /// What the table shows when it has no rows: why (no resources, no policies, filters).
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /// Why the last run failed, or null.
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /// `Fail · require-labels / check-for-labels`, for the selected result.
    public ReadOnlyStringProperty selectedTitleProperty() {
        return selectedTitle.getReadOnlyProperty();
    }

    /// The selected result's resource, message, and the exception behind a Skip with its hidden result.
    public ReadOnlyStringProperty selectedTextProperty() {
        return selectedText.getReadOnlyProperty();
    }

    /// The selected result's rule as it ran, as YAML.
    public ReadOnlyStringProperty ruleYamlProperty() {
        return ruleYaml.getReadOnlyProperty();
    }

    /// The selected result's resource as YAML.
    public ReadOnlyStringProperty resourceYamlProperty() {
        return resourceYaml.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRequestProperty() {
        return canRequest.getReadOnlyProperty();
    }

    /// Why "Request exception…" is disabled, or empty.
    public ReadOnlyStringProperty requestWhyNotProperty() {
        return requestWhyNot.getReadOnlyProperty();
    }

    // ---- commands

    /// The screen is showing: evaluate if the workspace changed since the last run (or never ran).
    public void activate() {
        active = true;
        if (stale && !running.get()) {
            run();
        }
    }

    /// The screen is hidden: a run in progress finishes, but a new workspace waits until it shows again.
    public void deactivate() {
        active = false;
    }

    /// Evaluates the current workspace in the background; the rows shown stay until the new ones are ready.
    public void run() {
        stopRun();
        Workspace ws = workspace.getValue();
        if (ws == null) {
            updatePlaceholder();
            return;
        }
        int current = ++generation;
        var cancel = new AtomicBoolean();
        cancelRequested = cancel;
        stale = false;
        errorMessage.set(null);
        running.set(true);
        progress.set(-1);
        progressText.set("Evaluating " + ws.title() + "…");
        updatePlaceholder();
        Consumer<Step> report = runner.updates(step -> {
            if (current == generation) {
                progress.set(step.total() == 0 ? 1 : step.done() / (double) step.total());
                progressText.set(step.done() + " of " + step.total() + " resources");
            }
        });
        var monitor = new WorkspaceEvaluation.Monitor() {
            @Override
            public boolean cancelled() {
                return cancel.get();
            }

            @Override
            public void progress(int done, int total) {
                report.accept(new Step(done, total));
            }
        };
        runner.run(() -> Prepared.of(WorkspaceEvaluation.evaluate(ws, clock, monitor)), prepared -> {
            if (current == generation) {
                apply(ws, prepared);
            }
        }, error -> {
            if (current == generation) {
                failed(error);
            }
        });
    }

    /// Stops the run in progress between two resources; the results shown before it stay.
    public void cancel() {
        if (!running.get()) {
            return;
        }
        stopRun();
        summary.set("Cancelled. " + (evaluation == null ? "Nothing evaluated yet: Re-run to evaluate."
                : "Still showing the previous results: " + describe(evaluation, evaluatedTitle)));
        updatePlaceholder();
    }

    /// Opens the request form filled from the selected failure, on the Reviews screen.
    public void requestException() {
        ResultRow row = selectedRow.get();
        if (!canRequest.get() || row == null) {
            return;
        }
        requester.requestFor(row.policy(), row.rule(), row.kind(), row.namespace(), row.name());
        navigator.show(Screen.REVIEWS);
    }

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

    // ---- work

    /// Rows and filter choices, built off the FX thread with the evaluation.
    private record Prepared(WorkspaceEvaluation.Evaluation evaluation, List<ResultRow> rows, List<String> policies,
                            List<String> rules, List<String> namespaces, List<String> kinds) {

        static Prepared of(WorkspaceEvaluation.Evaluation evaluation) {
            var rows = new ArrayList<ResultRow>(evaluation.results().size());
            for (var checked : evaluation.results()) {
                rows.add(ResultRow.of(rows.size(), checked));
            }
            return new Prepared(evaluation, rows, distinct(rows, ResultRow::policy), distinct(rows, ResultRow::rule),
                    distinct(rows, ResultRow::namespace), distinct(rows, ResultRow::kind));
        }

        private static List<String> distinct(List<ResultRow> rows, Function<ResultRow, String> field) {
            var values = new TreeSet<String>();
            rows.forEach(r -> values.add(field.apply(r)));
            values.remove("");
            return List.copyOf(values);
        }
    }

    private void stopRun() {
        if (running.get()) {
            cancelRequested.set(true);
            // Whatever the stopped run still delivers (a last progress step, its end) is dropped.
            generation++;
            running.set(false);
            progressText.set("");
        }
    }

    private void workspaceChanged() {
        stale = true;
        if (active) {
            run();
        } else {
            // A run for the previous workspace is of no use now; the next activation starts over.
            stopRun();
            updatePlaceholder();
        }
    }

    private void apply(Workspace ws, Prepared prepared) {
        evaluation = prepared.evaluation();
        evaluatedTitle = ws.title();
        stale = ws != workspace.getValue();
        selectedRow.set(null);
        policies.setAll(prepared.policies());
        rules.setAll(prepared.rules());
        namespaces.setAll(prepared.namespaces());
        kinds.setAll(prepared.kinds());
        policyFilter.set(retain(policyFilter.get(), prepared.policies()));
        ruleFilter.set(retain(ruleFilter.get(), prepared.rules()));
        namespaceFilter.set(retain(namespaceFilter.get(), prepared.namespaces()));
        kindFilter.set(retain(kindFilter.get(), prepared.kinds()));
        // The verdict array is indexed by row: drop the old predicate before the rows change under it.
        filtered.setPredicate(null);
        source.setAll(prepared.rows());
        refilterAll();
        totalCount.set(prepared.rows().size());
        running.set(false);
        progress.set(1);
        progressText.set("");
        summary.set(describe(evaluation, evaluatedTitle));
        updatePlaceholder();
    }

    private void failed(Throwable error) {
        running.set(false);
        progressText.set("");
        if (!(error instanceof CancellationException)) {
            errorMessage.set(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        }
        updatePlaceholder();
    }

    /// `Demo: 30 resources against 13 policies, honouring 18 Active exceptions (18 others not in effect) · 2026-11-23 12:00 UTC`
    private static String describe(WorkspaceEvaluation.Evaluation e, String title) {
        EvaluationInputs in = e.inputs();
        int honoured = in.exceptions().size();
        int notHonoured = in.notHonoured().size();
        return title + ": " + plural(in.resources().size(), "resource") + " against " + plural(in.policies().size(), "policy")
                + ", honouring " + plural(honoured, "Active exception")
                + (notHonoured > 0 ? " (" + notHonoured + " others not in effect)" : "")
                + " · evaluated " + TIME.format(e.at());
    }

    private static String plural(int n, String noun) {
        String many = noun.endsWith("policy") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return n + " " + (n == 1 ? noun : many);
    }

    private void updatePlaceholder() {
        String text;
        if (evaluation == null) {
            text = running.get() ? "Evaluating…" : workspace.getValue() == null ? "Open a workspace to evaluate it"
                    : "Not evaluated yet: press Re-run to evaluate this workspace";
        } else if (evaluation.inputs().resources().isEmpty()) {
            text = "Nothing to evaluate: this workspace holds no resources (workloads, namespaces), only policies and"
                    + " exceptions. Open a folder with its workloads, or a cluster, to see what passes and fails.";
        } else if (evaluation.inputs().policies().isEmpty()) {
            text = "Nothing to evaluate: this workspace holds no Kyverno ClusterPolicy or Policy to check its "
                    + plural(evaluation.inputs().resources().size(), "resource") + " against.";
        } else if (source.isEmpty()) {
            text = "No policy rule applies to the " + plural(evaluation.inputs().resources().size(), "resource")
                    + " of this workspace.";
        } else {
            text = "No result matches these filters";
        }
        placeholder.set(text);
    }

    private static Set<String> retain(Set<String> chosen, List<String> available) {
        var kept = new HashSet<>(chosen);
        kept.retainAll(available);
        return kept.size() == chosen.size() ? chosen : Set.copyOf(kept);
    }

    /// One pass over the rows: which pass the non-result filters, and the counters under them.
    private void refilterAll() {
        var verdicts = new boolean[source.size()];
        var matching = new ArrayList<dev.waiver.engine.evaluation.RuleResult>();
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

    private void applyPredicate() {
        filtered.setPredicate(new RowPredicate(passesOthers, resultFilter.get(), hiddenFailuresOnly.get()));
        if (evaluation != null) {
            updatePlaceholder();
        }
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

    // ---- the selected result

    private void showSelected() {
        ResultRow row = selectedRow.get();
        String unavailable = reviewsUnavailable.get() == null ? "" : reviewsUnavailable.get();
        if (row == null) {
            selectedTitle.set("");
            selectedText.set("");
            ruleYaml.set("");
            resourceYaml.set("");
            canRequest.set(false);
            requestWhyNot.set("Select a failed check to request an exception for it");
            return;
        }
        selectedTitle.set(row.resultLabel() + " · " + row.policy() + " / " + row.rule());
        var text = new StringBuilder(row.kind() + " " + row.result().resource().key());
        if (!row.exceptedBy().isEmpty() && row.status() == RuleStatus.SKIP) {
            text.append("\nSkipped by ").append(row.exceptedBy())
                    .append(row.hidden().isEmpty() ? "" : "; without it: " + row.hidden());
        } else if (!row.result().message().isBlank()) {
            text.append("\n").append(row.result().message().strip());
        }
        selectedText.set(text.toString());
        ruleYaml.set(ruleText(row));
        resourceYaml.set(render(row.resource()));
        if (row.status() != RuleStatus.FAIL) {
            canRequest.set(false);
            requestWhyNot.set(row.hidesFailure() ? "Already skipped by " + row.exceptedBy()
                    : "Only a failed check needs an exception: this one is " + row.resultLabel());
        } else if (!unavailable.isEmpty()) {
            canRequest.set(false);
            requestWhyNot.set("The review workflow is not available: " + unavailable);
        } else {
            canRequest.set(true);
            requestWhyNot.set("");
        }
    }

    private String ruleText(ResultRow row) {
        var document = evaluation == null ? java.util.Optional.<Map<String, Object>>empty()
                : evaluation.ruleDocument(row.policy(), row.rule());
        if (document.isEmpty()) {
            return "# rule " + row.rule() + " not found in policy " + row.policy();
        }
        String heading = "# policy " + row.policy() + ", rule " + row.rule() + "\n";
        if (row.rule().startsWith("autogen-")) {
            heading += "# generated by Kyverno's autogen from the Pod rule, for Pod controllers\n";
        }
        return heading + render(document.get());
    }

    private String render(Map<String, Object> document) {
        try {
            return yaml.render(document);
        } catch (RuntimeException failed) {
            return "# cannot show YAML: " + failed.getMessage();
        }
    }
}
