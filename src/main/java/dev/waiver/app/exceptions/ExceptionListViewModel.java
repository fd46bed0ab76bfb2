package dev.waiver.app.exceptions;

import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.app.workspace.WorkspaceLoader;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.RegisterEntry;
import dev.waiver.engine.exemption.RegisterFilter;
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
/// Inputs are the four filter properties and the sort order; everything else is read-only output.
/// Rows are sorted first and filtered second (`FilteredList` over `SortedList`), so a keystroke costs one
/// pass of the search over the register plus one cheap pass that reads the stored verdicts: no re-sort.
/// That single search pass also counts rows per status under the non-status filters, so each counter
/// says how many rows clicking it would show.
public final class ExceptionListViewModel {

    private final BackgroundRunner runner;
    private final Clock clock;
    private final Selection<RegisterEntry> selection;

    private final ObjectProperty<Set<ExemptionStatus>> statusFilter = new SimpleObjectProperty<>(this, "statusFilter", Set.of());
    private final ObjectProperty<Set<String>> checkTypeFilter = new SimpleObjectProperty<>(this, "checkTypeFilter", Set.of());
    private final ObjectProperty<Set<String>> namespaceFilter = new SimpleObjectProperty<>(this, "namespaceFilter", Set.of());
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
    private final ObservableList<LoadProblem> problems = FXCollections.observableArrayList();
    private final Map<ExemptionStatus, ReadOnlyIntegerWrapper> counts = new EnumMap<>(ExemptionStatus.class);
    private final ReadOnlyIntegerWrapper matchingAnyStatus = new ReadOnlyIntegerWrapper(this, "matchingAnyStatus");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper problemCount = new ReadOnlyIntegerWrapper(this, "problemCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyObjectWrapper<Instant> assessedAt = new ReadOnlyObjectWrapper<>(this, "assessedAt");

    /// Per row (by [ExceptionRow#index()]): does it pass every filter but status?
    private boolean[] passesOthers = new boolean[0];
    /// The filter `passesOthers` was computed for, and the rows by index (the order of `passesOthers`).
    private RegisterFilter verdictsFor;
    /// Verdicts of the last few filters (a bit over 100 KB each at 100k rows), newest last.
    private final Map<RegisterFilter, Verdicts> recent = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RegisterFilter, Verdicts> eldest) {
            return size() > 24;
        }
    };
    private ExceptionRow[] rowsByIndex = new ExceptionRow[0];

    public ExceptionListViewModel(BackgroundRunner runner, Clock clock, Selection<RegisterEntry> selection) {
        this.runner = runner;
        this.clock = clock;
        this.selection = selection;
        for (ExemptionStatus s : ExemptionStatus.values()) {
            counts.put(s, new ReadOnlyIntegerWrapper(this, "count" + s.name()));
        }
        sorted.comparatorProperty().bind(comparator);
        shownCount.bind(Bindings.size(filtered));
        problemCount.bind(Bindings.size(problems));
        checkTypeFilter.addListener((obs, old, now) -> refilterAll());
        namespaceFilter.addListener((obs, old, now) -> refilterAll());
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
        return FXCollections.unmodifiableObservableList(checkTypes);
    }

    public ObservableList<String> availableNamespaces() {
        return FXCollections.unmodifiableObservableList(namespaces);
    }

    public ObservableList<LoadProblem> problems() {
        return FXCollections.unmodifiableObservableList(problems);
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
    public void load(WorkspaceLoader loader, Consumer<Workspace> whenLoaded, Consumer<String> whenFailed) {
        loading.set(true);
        runner.run(() -> assemble(loader.load()), loaded -> {
            apply(loaded);
            whenLoaded.accept(loaded.workspace());
        }, error -> whenFailed.accept(fail(error)));
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
    private record Loaded(Workspace workspace, Instant at, List<ExceptionRow> rows, List<String> checkTypes,
                          List<String> namespaces) {
    }

    private Loaded assemble(Workspace ws) {
        Instant now = clock.instant();
        Register register = Register.assess(ws.exemptions(), ws.policies(), now);
        var built = new ArrayList<ExceptionRow>(register.entries().size());
        for (RegisterEntry entry : register.entries()) {
            built.add(new ExceptionRow(built.size(), entry, now));
        }
        return new Loaded(ws, now, built, register.checkTypes(), register.namespaces());
    }

    private void apply(Loaded loaded) {
        String keep = selectedRow.get() == null ? null : selectedRow.get().id();
        selectedRow.set(null);
        checkTypes.setAll(loaded.checkTypes());
        namespaces.setAll(loaded.namespaces());
        checkTypeFilter.set(retain(checkTypeFilter.get(), loaded.checkTypes()));
        namespaceFilter.set(retain(namespaceFilter.get(), loaded.namespaces()));
        // The verdict array is indexed by row: drop the old predicate before the rows change under it.
        filtered.setPredicate(null);
        rowsByIndex = loaded.rows().toArray(ExceptionRow[]::new);
        verdictsFor = null;
        recent.clear();
        passesOthers = computeVerdicts(rowsByIndex);
        source.setAll(loaded.rows());
        applyPredicate();
        totalCount.set(loaded.rows().size());
        problems.setAll(loaded.workspace().problems());
        assessedAt.set(loaded.at());
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
        return new RegisterFilter(Set.of(), checkTypeFilter.get(), namespaceFilter.get(), searchText.get());
    }

    /// The one search pass per keystroke: store each row's verdict and count the survivors per status.
    private void refilterAll() {
        passesOthers = computeVerdicts(rowsByIndex);
        applyPredicate();
    }

    /// Tests every row against the non-status filters, as cheaply as the change allows:
    /// - more text typed after the old (`pay` → `paym`) constrains at least as much, so only the rows that
    ///   passed last time need testing;
    /// - text seen recently under the same other filters (backspacing over what was typed) reuses its
    ///   verdicts outright.
    private boolean[] computeVerdicts(ExceptionRow[] all) {
        RegisterFilter filter = currentFilter();
        Verdicts known = recent.get(filter);
        if (known == null || known.passes().length != all.length) {
            known = test(filter, all);
            recent.put(filter, known);
        }
        for (ExemptionStatus s : ExemptionStatus.values()) {
            counts.get(s).set(known.perStatus()[s.ordinal()]);
        }
        matchingAnyStatus.set(known.any());
        verdictsFor = filter;
        return known.passes();
    }

    private Verdicts test(RegisterFilter filter, ExceptionRow[] all) {
        boolean narrowing = verdictsFor != null && passesOthers.length == all.length
                && filter.checkTypes().equals(verdictsFor.checkTypes())
                && filter.namespaces().equals(verdictsFor.namespaces())
                && lower(filter.text()).startsWith(lower(verdictsFor.text()));
        Predicate<RegisterEntry> others = filter.predicateIgnoringStatus();
        boolean[] previous = passesOthers;
        var passes = new boolean[all.length];
        int[] perStatus = new int[ExemptionStatus.values().length];
        int any = 0;
        for (int i = 0; i < all.length; i++) {
            if (narrowing && !previous[i]) {
                continue;
            }
            ExceptionRow row = all[i];
            if (others.test(row.entry())) {
                passes[i] = true;
                perStatus[row.statusOrdinal()]++;
                any++;
            }
        }
        return new Verdicts(passes, perStatus, any);
    }

    /// One filter's verdict per row, with its counts per status.
    private record Verdicts(boolean[] passes, int[] perStatus, int any) {
    }

    private static String lower(String text) {
        return text.toLowerCase(java.util.Locale.ROOT);
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
