package dev.waiver.app.exceptions;

import dev.waiver.app.HeapRelease;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.app.workspace.WorkspaceLoader;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.RegisterEntry;
import dev.waiver.engine.exemption.RegisterFilter;
import dev.waiver.engine.exemption.RegisterSearch;
import dev.waiver.engine.tree.StringPool;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/// The exception register as a filterable, sortable list with per-status counters.
///
/// Inputs are the five filter properties and the sort order; everything else is read-only output.
/// Rows are sorted first and filtered second (`FilteredList` over `SortedList`), so a keystroke costs at
/// most one pass of the search over the register ([RegisterSearch], often less) plus one cheap pass that
/// reads the stored verdicts: never a re-sort. The search pass also counts rows per status under the
/// non-status filters, so each counter says how many rows clicking it would show.
public final class ExceptionListViewModel {

    /// Exceptions the register shows beside the workspace's own: requests and decisions kept in Waiver's
    /// store (In Review, Rejected, approved but not applied, revoked). Called off the FX thread on each load.
    @FunctionalInterface
    public interface StoredExemptions {
        StoredExemptions NONE = (workspace, now) -> List.of();

        List<Exemption> besides(List<Exemption> workspace, Instant now);
    }

    private final BackgroundRunner runner;
    private final Clock clock;
    private final Selection<RegisterEntry> selection;
    private final StoredExemptions stored;

    private final ObjectProperty<Set<ExemptionStatus>> statusFilter = new SimpleObjectProperty<>(this, "statusFilter", Set.of());
    private final ObjectProperty<Set<String>> checkTypeFilter = new SimpleObjectProperty<>(this, "checkTypeFilter", Set.of());
    private final ObjectProperty<Set<String>> namespaceFilter = new SimpleObjectProperty<>(this, "namespaceFilter", Set.of());
    private final ObjectProperty<Set<String>> contextFilter = new SimpleObjectProperty<>(this, "contextFilter", Set.of());
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<Comparator<? super ExceptionRow>> comparator = new SimpleObjectProperty<>(this, "comparator");
    private final ObjectProperty<ExceptionRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final BooleanProperty problemsShown = new SimpleBooleanProperty(this, "problemsShown", false);

    private final ObservableList<ExceptionRow> source = FXCollections.observableArrayList();
    private final SortedList<ExceptionRow> sorted = new SortedList<>(source);
    private final FilteredList<ExceptionRow> filtered = new FilteredList<>(sorted);
    private final ObservableList<ExceptionRow> rows = FXCollections.unmodifiableObservableList(filtered);
    private final ObservableList<String> checkTypes = FXCollections.observableArrayList();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    // One view each, kept: an unmodifiable view observes its list only weakly, so a fresh one per call
    // could be collected while a view still listens to it.
    private final ObservableList<String> checkTypesView = FXCollections.unmodifiableObservableList(checkTypes);
    private final ObservableList<String> namespacesView = FXCollections.unmodifiableObservableList(namespaces);
    private final ObservableList<String> contextsView = FXCollections.unmodifiableObservableList(contexts);
    private final ObservableList<LoadProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<LoadProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final Map<ExemptionStatus, ReadOnlyIntegerWrapper> counts = new EnumMap<>(ExemptionStatus.class);
    private final ReadOnlyIntegerWrapper matchingAnyStatus = new ReadOnlyIntegerWrapper(this, "matchingAnyStatus");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper problemCount = new ReadOnlyIntegerWrapper(this, "problemCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyBooleanWrapper severalContexts = new ReadOnlyBooleanWrapper(this, "severalContexts");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyObjectWrapper<Instant> assessedAt = new ReadOnlyObjectWrapper<>(this, "assessedAt");
    private final ReadOnlyObjectWrapper<Register> register = new ReadOnlyObjectWrapper<>(this, "register");

    private RegisterSearch search = new RegisterSearch(List.of());
    /// Per row (by [ExceptionRow#index()]): does it pass every filter but status?
    private boolean[] passesOthers = new boolean[0];
    private int loadGeneration;

    public ExceptionListViewModel(BackgroundRunner runner, Clock clock, Selection<RegisterEntry> selection) {
        this(runner, clock, selection, StoredExemptions.NONE);
    }

    public ExceptionListViewModel(BackgroundRunner runner, Clock clock, Selection<RegisterEntry> selection,
                                  StoredExemptions stored) {
        this.runner = runner;
        this.clock = clock;
        this.selection = selection;
        this.stored = stored;
        for (ExemptionStatus s : ExemptionStatus.values()) {
            counts.put(s, new ReadOnlyIntegerWrapper(this, "count" + s.name()));
        }
        sorted.comparatorProperty().bind(comparator);
        shownCount.bind(Bindings.size(filtered));
        problemCount.bind(Bindings.size(problems));
        severalContexts.bind(Bindings.size(contexts).greaterThan(1));
        checkTypeFilter.addListener((obs, old, now) -> refilterAll());
        namespaceFilter.addListener((obs, old, now) -> refilterAll());
        contextFilter.addListener((obs, old, now) -> refilterAll());
        searchText.addListener((obs, old, now) -> refilterAll());
        statusFilter.addListener((obs, old, now) -> applyPredicate());
        selectedRow.addListener((obs, old, row) -> selection.select(row == null ? null : row.entry()));
    }

    // ---- inputs

    /// Statuses to show; empty shows all.
    public ObjectProperty<Set<ExemptionStatus>> statusFilterProperty() {
        return statusFilter;
    }

    /// Check types to show (any of); empty shows all.
    public ObjectProperty<Set<String>> checkTypeFilterProperty() {
        return checkTypeFilter;
    }

    /// Namespaces to show (exceptions living in or reaching any of them); empty shows all.
    public ObjectProperty<Set<String>> namespaceFilterProperty() {
        return namespaceFilter;
    }

    /// Kubeconfig contexts to show (exceptions read from, or applied to, any of them); empty shows all.
    public ObjectProperty<Set<String>> contextFilterProperty() {
        return contextFilter;
    }

    /// Words that must all appear in name, namespace, policy, rule, matched names, requestor, ticket or reason.
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /// The table's sort order (bound by the view); null keeps register order.
    public ObjectProperty<Comparator<? super ExceptionRow>> comparatorProperty() {
        return comparator;
    }

    /// The row the table has selected; published to the shared [Selection].
    public ObjectProperty<ExceptionRow> selectedRowProperty() {
        return selectedRow;
    }

    /// Whether the load-problems panel is open.
    public BooleanProperty problemsShownProperty() {
        return problemsShown;
    }

    // ---- outputs

    public ObservableList<ExceptionRow> rows() {
        return rows;
    }

    public ObservableList<String> availableCheckTypes() {
        return checkTypesView;
    }

    public ObservableList<String> availableNamespaces() {
        return namespacesView;
    }

    /// The contexts the register's exceptions come from, sorted; empty for a folder or the demo.
    public ObservableList<String> availableContexts() {
        return contextsView;
    }

    /// Whether the register merges more than one context: only then do the context column and filter
    /// say anything the window's title does not.
    public ReadOnlyBooleanProperty severalContextsProperty() {
        return severalContexts.getReadOnlyProperty();
    }

    public ObservableList<LoadProblem> problems() {
        return problemsView;
    }

    /// Rows of this status that pass the other filters: what clicking its counter would show.
    public ReadOnlyIntegerProperty countProperty(ExemptionStatus status) {
        return counts.get(status).getReadOnlyProperty();
    }

    /// Rows of any status that pass the other filters.
    public ReadOnlyIntegerProperty matchingAnyStatusProperty() {
        return matchingAnyStatus.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /// Why the last load failed, or null.
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    /// The instant statuses were derived at (the clock when the workspace loaded).
    /// The whole register as last assessed, the review store's requests included, before any filter.
    public ReadOnlyObjectProperty<Register> registerProperty() {
        return register.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> assessedAtProperty() {
        return assessedAt.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty problemCountProperty() {
        return problemCount.getReadOnlyProperty();
    }

    // ---- commands

    /// Loads a workspace in the background. The current rows stay until the new ones are ready; on
    /// failure they stay and [#errorMessageProperty()] says why.
    public void load(WorkspaceLoader loader) {
        load(loader, ws -> { }, message -> { });
    }

    /// [#load(WorkspaceLoader)], then tells the caller how it went (after the rows and error are updated).
    /// A newer load supersedes an older one still running: only the latest result is shown.
    public void load(WorkspaceLoader loader, Consumer<Workspace> whenLoaded, Consumer<String> whenFailed) {
        loading.set(true);
        assembleThenShow(loader, whenLoaded, whenFailed);
    }

    /// Assembles the register again from a workspace already held, with the review store's requests as
    /// they are now: for a change only the store saw (a review step), where reading the workspace again
    /// would add nothing. The rows are current but for that change, so this does not show as loading.
    /// Like a load, it supersedes one still running, and a newer load supersedes it.
    public void reassemble(Workspace held, Consumer<Workspace> whenDone, Consumer<String> whenFailed) {
        assembleThenShow(() -> held, whenDone, whenFailed);
    }

    private void assembleThenShow(WorkspaceLoader loader, Consumer<Workspace> whenLoaded, Consumer<String> whenFailed) {
        int generation = ++loadGeneration;
        runner.run(() -> assemble(loader.load()), loaded -> {
            if (generation == loadGeneration) {
                int previousRows = source.size();
                apply(loaded);
                HeapRelease.afterLoad(previousRows, loaded.rows().size());
                whenLoaded.accept(loaded.workspace());
            }
        }, error -> {
            if (generation == loadGeneration) {
                whenFailed.accept(fail(error));
            }
        });
    }

    /// Adds the status to the quick filter, or removes it if it is there.
    public void toggleStatus(ExemptionStatus status) {
        var next = statusFilter.get().isEmpty() ? EnumSet.noneOf(ExemptionStatus.class) : EnumSet.copyOf(statusFilter.get());
        if (!next.remove(status)) {
            next.add(status);
        }
        statusFilter.set(Set.copyOf(next));
    }

    public void showAllStatuses() {
        statusFilter.set(Set.of());
    }

    public void clearFilters() {
        statusFilter.set(Set.of());
        checkTypeFilter.set(Set.of());
        namespaceFilter.set(Set.of());
        contextFilter.set(Set.of());
        searchText.set("");
    }

    /// Selects the row of the exception with this id, if it is shown.
    public void selectById(String id) {
        selectedRow.set(rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null));
    }

    public void toggleProblems() {
        problemsShown.set(!problemsShown.get());
    }

    // ---- work

    /// Everything derived from a workspace, computed off the FX thread.
    private record Loaded(Workspace workspace, Instant at, Register register, List<ExceptionRow> rows, List<String> checkTypes,
                          List<String> namespaces, List<String> contexts) {
    }

    private Loaded assemble(Workspace ws) {
        Instant now = clock.instant();
        var exemptions = new ArrayList<>(ws.exemptions());
        exemptions.addAll(stored.besides(ws.exemptions(), now));
        Register register = Register.assess(exemptions, ws.policies(), now);
        var built = new ArrayList<ExceptionRow>(register.entries().size());
        var texts = new StringPool(); // rows repeat the same check, date and finding texts
        for (RegisterEntry entry : register.entries()) {
            built.add(new ExceptionRow(built.size(), entry, now, texts));
        }
        return new Loaded(ws, now, register, built, register.checkTypes(), register.namespaces(), register.contexts());
    }

    private void apply(Loaded loaded) {
        String keep = selectedRow.get() == null ? null : selectedRow.get().id();
        selectedRow.set(null);
        checkTypes.setAll(loaded.checkTypes());
        namespaces.setAll(loaded.namespaces());
        contexts.setAll(loaded.contexts());
        checkTypeFilter.set(retain(checkTypeFilter.get(), loaded.checkTypes()));
        namespaceFilter.set(retain(namespaceFilter.get(), loaded.namespaces()));
        // With one context left the filter is hidden: it must not go on hiding rows (local requests) unseen.
        contextFilter.set(loaded.contexts().size() > 1 ? retain(contextFilter.get(), loaded.contexts()) : Set.of());
        // The verdict array is indexed by row: drop the old predicate before the rows change under it.
        filtered.setPredicate(null);
        search = new RegisterSearch(loaded.rows().stream().map(ExceptionRow::entry).toList());
        passesOthers = computeVerdicts();
        source.setAll(loaded.rows());
        applyPredicate();
        totalCount.set(loaded.rows().size());
        problems.setAll(loaded.workspace().problems());
        assessedAt.set(loaded.at());
        register.set(loaded.register());
        workspace.set(loaded.workspace());
        errorMessage.set(null);
        loading.set(false);
        if (keep != null) {
            selectById(keep);
        }
    }

    private String fail(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        errorMessage.set(message);
        loading.set(false);
        return message;
    }

    private static Set<String> retain(Set<String> chosen, List<String> available) {
        var kept = new HashSet<>(chosen);
        kept.retainAll(available);
        return kept.size() == chosen.size() ? chosen : Set.copyOf(kept);
    }

    private RegisterFilter currentFilter() {
        return new RegisterFilter(Set.of(), checkTypeFilter.get(), namespaceFilter.get(), contextFilter.get(),
                searchText.get());
    }

    /// The one search pass per keystroke (see [RegisterSearch]), which also counts rows per status.
    private void refilterAll() {
        passesOthers = computeVerdicts();
        applyPredicate();
    }

    private boolean[] computeVerdicts() {
        var result = search.verdicts(currentFilter());
        for (ExemptionStatus s : ExemptionStatus.values()) {
            counts.get(s).set(result.count(s));
        }
        matchingAnyStatus.set(result.any());
        return result.passes();
    }

    private void applyPredicate() {
        filtered.setPredicate(new RowPredicate(passesOthers, statusFilter.get()));
    }

    /// A fresh object per change: `FilteredList` only refilters when the predicate is a new instance.
    private static final class RowPredicate implements Predicate<ExceptionRow> {
        private final boolean[] passes;
        private final Set<ExemptionStatus> statuses;

        RowPredicate(boolean[] passes, Set<ExemptionStatus> statuses) {
            this.passes = passes;
            this.statuses = statuses.isEmpty() ? Set.of() : EnumSet.copyOf(statuses);
        }

        @Override
        public boolean test(ExceptionRow row) {
            return passes[row.index()] && (statuses.isEmpty() || statuses.contains(row.status()));
        }
    }
}
