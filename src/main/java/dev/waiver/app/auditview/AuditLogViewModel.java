package dev.waiver.app.auditview;

import dev.waiver.app.review.ReviewAccess;
import dev.waiver.app.review.ReviewHome;
import dev.waiver.app.review.ReviewService;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.ChainVerdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/// The Log tab: the audit log's entries, newest first, read in the background; the filters (actor,
/// action, exception id, from/to dates), which select entries through the [dev.waiver.engine.audit.AuditQuery]
/// they stand for; and the Verify command, which recomputes the chain in the background and says what it
/// found in words.
///
/// The whole log is read once per refresh and filtered in memory, so a filter answers as the user types and
/// the actor and exception lists offer every value the log holds. The selected entry is published to a
/// shared [Selection], which [AuditEntryViewModel] follows.
public final class AuditLogViewModel {

    /// Whether the last verification found the chain intact, found a problem, or has not run yet.
    public enum VerifyState { NOT_RUN, INTACT, PROBLEM }

    private final ReviewAccess access;
    private final BackgroundRunner runner;

    private final StringProperty actor = new SimpleStringProperty(this, "actor", "");
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>(this, "action");
    private final StringProperty exemptionId = new SimpleStringProperty(this, "exemptionId", "");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<AuditRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");

    private final ObservableList<AuditRow> source = FXCollections.observableArrayList();
    private final FilteredList<AuditRow> filtered = new FilteredList<>(source);
    private final SortedList<AuditRow> sorted = new SortedList<>(filtered, AuditRow.NEWEST_FIRST);
    private final ObservableList<AuditRow> sortedView = FXCollections.unmodifiableObservableList(sorted);
    private final ObservableList<String> actors = FXCollections.observableArrayList();
    private final ObservableList<String> actorsView = FXCollections.unmodifiableObservableList(actors);
    private final ObservableList<String> exemptionIds = FXCollections.observableArrayList();
    private final ObservableList<String> exemptionIdsView = FXCollections.unmodifiableObservableList(exemptionIds);
    private final ReadOnlyObjectWrapper<AuditFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", AuditFilter.NONE);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(this, "verifying");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyObjectWrapper<VerifyState> verifyState =
            new ReadOnlyObjectWrapper<>(this, "verifyState", VerifyState.NOT_RUN);
    private final ReadOnlyLongWrapper alteredSeq = new ReadOnlyLongWrapper(this, "alteredSeq", -1);
    private final BooleanBinding canVerify = verifying.not();
    private int generation;

    public AuditLogViewModel(ReviewAccess access, BackgroundRunner runner, Selection<AuditEntry> selection) {
        this.access = access;
        this.runner = runner;
        for (var input : List.of(actor, exemptionId)) {
            input.addListener((obs, old, now) -> applyFilter());
        }
        action.addListener((obs, old, now) -> applyFilter());
        from.addListener((obs, old, now) -> applyFilter());
        to.addListener((obs, old, now) -> applyFilter());
        filtered.addListener((ListChangeListener<AuditRow>) change -> updateSummary());
        selectedRow.addListener((obs, old, row) -> selection.select(row == null ? null : row.entry()));
    }

    // ---- inputs

    /// Only entries by this actor; blank for any.
    public StringProperty actorProperty() {
        return actor;
    }

    /// Only entries of this action; null for any.
    public ObjectProperty<AuditAction> actionProperty() {
        return action;
    }

    /// Only entries about this exception (or request) id; blank for any.
    public StringProperty exemptionIdProperty() {
        return exemptionId;
    }

    /// Only entries on or after this day (UTC); null for no bound.
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /// Only entries on or before this day (UTC); null for no bound.
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<AuditRow> selectedRowProperty() {
        return selectedRow;
    }

    // ---- outputs

    /// The entries the filters select, newest first.
    public ObservableList<AuditRow> rows() {
        return sortedView;
    }

    /// Every actor the log names, sorted: what the actor filter offers.
    public ObservableList<String> actors() {
        return actorsView;
    }

    /// Every exception id the log names, sorted.
    public ObservableList<String> exemptionIds() {
        return exemptionIdsView;
    }

    /// The filters in force, and the query they stand for.
    public ReadOnlyObjectProperty<AuditFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /// Why the log cannot be read (the data folder, a damaged entry), or empty when it can.
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /// `3 of 12 entries`, or `12 entries` without filters.
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    public ObservableBooleanValue canVerifyProperty() {
        return canVerify;
    }

    /// The last verification in words: `Chain intact: 4 entries, head 3f2a…` or what is wrong.
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VerifyState> verifyStateProperty() {
        return verifyState.getReadOnlyProperty();
    }

    /// The entry the last verification named as the first altered one, or -1.
    public ReadOnlyLongProperty alteredSeqProperty() {
        return alteredSeq.getReadOnlyProperty();
    }

    // ---- commands

    /// Reads the log again in the background, keeping the selected entry selected.
    public void refresh() {
        refresh(selectedRow.get() == null ? -1 : selectedRow.get().seqNumber());
    }

    /// Reads the log again in the background, then selects the entry `keep` if the filters show it.
    private void refresh(long keep) {
        int current = ++generation;
        loading.set(true);
        runner.run(this::read, entries -> {
            if (current == generation) {
                show(entries, keep);
            }
        }, error -> {
            if (current == generation) {
                loading.set(false);
                unavailable.set(message(error));
                source.clear();
                actors.clear();
                exemptionIds.clear();
            }
        });
    }

    /// Recomputes the hash chain in the background and reports what it found.
    public void verify() {
        if (verifying.get()) {
            return;
        }
        verifying.set(true);
        verdict.set("Verifying…");
        verifyState.set(VerifyState.NOT_RUN);
        runner.run(access::verify, found -> {
            verifying.set(false);
            show(VerdictText.of(found));
            long altered = found instanceof ChainVerdict.Altered a ? a.firstBadSeq() : -1;
            alteredSeq.set(altered);
            // Show the log as it was verified, with the altered entry selected so its content is in view.
            refresh(altered);
        }, error -> {
            verifying.set(false);
            alteredSeq.set(-1);
            show(VerdictText.failed(message(error)));
        });
    }

    public void clearFilters() {
        actor.set("");
        action.set(null);
        exemptionId.set("");
        from.set(null);
        to.set(null);
    }

    // ---- work

    /// Off the FX thread: every entry, as rows. A data folder without a log holds none (reading creates none).
    private List<AuditRow> read() throws ReviewHome.UnusableHome {
        Optional<ReviewService> service = access.stored();
        return service.map(s -> s.log().entries()).orElse(List.of()).stream().map(AuditRow::of).toList();
    }

    private void show(List<AuditRow> rows, long keep) {
        loading.set(false);
        unavailable.set("");
        source.setAll(rows);
        actors.setAll(distinct(rows, AuditRecord::actor));
        exemptionIds.setAll(distinct(rows, AuditRecord::exemptionId));
        selectedRow.set(sorted.stream().filter(r -> r.seqNumber() == keep).findFirst().orElse(null));
        updateSummary();
    }

    private void show(VerdictText text) {
        verdict.set(text.text());
        verifyState.set(text.problem() ? VerifyState.PROBLEM : VerifyState.INTACT);
    }

    private void applyFilter() {
        var now = new AuditFilter(actor.get(), action.get(), exemptionId.get(), from.get(), to.get());
        filter.set(now);
        var query = now.query();
        filtered.setPredicate(row -> query.matches(row.entry().record()));
        if (selectedRow.get() != null && !filtered.contains(selectedRow.get())) {
            selectedRow.set(null);
        }
    }

    private void updateSummary() {
        int all = source.size();
        int shown = filtered.size();
        String entries = all == 1 ? " entry" : " entries";
        summary.set(shown == all ? all + entries : shown + " of " + all + entries);
    }

    private static List<String> distinct(List<AuditRow> rows, Function<AuditRecord, String> field) {
        var values = new TreeSet<String>();
        rows.forEach(r -> {
            String value = field.apply(r.entry().record());
            if (!value.isBlank()) {
                values.add(value);
            }
        });
        return List.copyOf(values);
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
