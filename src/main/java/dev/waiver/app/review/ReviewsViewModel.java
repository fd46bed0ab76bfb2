package dev.waiver.app.review;

import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.review.Reminder;
import dev.waiver.engine.review.Reminders;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.ReviewSettings;
import dev.waiver.engine.review.StoredRequests;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/// The Reviews screen: who is reviewing, the queue of cases in Waiver's store (what waits for a decision,
/// what is approved but not applied, what has ended but is still applied), and the reminders over the
/// whole register, whose count is the badge on the navigation.
///
/// The selected case is published to a shared [Selection], which [ReviewCaseViewModel] follows.
public final class ReviewsViewModel {

    /// A reminder, and the case it concerns when Waiver's store knows it (else only the register does).
    public record Notification(Reminder reminder, Optional<String> caseId) {
        public String title() {
            return reminder.title();
        }
    }

    private final ReviewAccess access;
    private final BackgroundRunner runner;
    private final Clock clock;
    private final ObservableValue<Workspace> workspace;
    private final Selection<ReviewCase> selection;
    private final Consumer<String> showInRegister;

    /// The settings key that remembers the reviewer's name between sessions.
    public static final String REVIEWER_SETTING = "reviewer";

    private final StringProperty reviewer = new SimpleStringProperty(this, "reviewer", "");
    private final BooleanProperty showSettled = new SimpleBooleanProperty(this, "showSettled", false);
    private final ObjectProperty<ReviewRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");

    private final ObservableList<ReviewRow> source = FXCollections.observableArrayList();
    /// One view, held: the unmodifiable wrapper listens weakly, so a view made per call could be collected.
    private final ObservableList<ReviewRow> casesView = FXCollections.unmodifiableObservableList(source);
    private final FilteredList<ReviewRow> filtered = new FilteredList<>(source, ReviewRow::needsAction);
    private final SortedList<ReviewRow> sorted = new SortedList<>(filtered, ReviewRow.QUEUE_ORDER);
    private final ObservableList<ReviewRow> sortedView = FXCollections.unmodifiableObservableList(sorted);
    private final ObservableList<Notification> notifications = FXCollections.observableArrayList();
    private final ObservableList<Notification> notificationsView = FXCollections.unmodifiableObservableList(notifications);
    private final ReadOnlyIntegerWrapper reminderCount = new ReadOnlyIntegerWrapper(this, "reminderCount");
    private final ReadOnlyIntegerWrapper waitingCount = new ReadOnlyIntegerWrapper(this, "waitingCount");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    private int generation;
    /// The case a refresh in flight was asked to select; a later plain refresh must not forget it.
    private String selectAfter;

    public ReviewsViewModel(ReviewAccess access, BackgroundRunner runner, Clock clock, ObservableValue<Workspace> workspace,
                            Selection<ReviewCase> selection, String reviewer, Consumer<String> showInRegister) {
        this.access = access;
        this.runner = runner;
        this.clock = clock;
        this.workspace = workspace;
        this.selection = selection;
        this.showInRegister = showInRegister;
        this.reviewer.set(reviewer == null ? "" : reviewer);
        reminderCount.bind(Bindings.size(notifications));
        showSettled.addListener((obs, old, all) -> filtered.setPredicate(all ? row -> true : ReviewRow::needsAction));
        selectedRow.addListener((obs, old, row) -> selection.select(row == null ? null : row.reviewCase()));
        // A new register (reload, another folder) changes the reminders and may hold applied requests.
        workspace.addListener((obs, old, now) -> refresh());
    }

    // ---- inputs

    /// Who takes the steps: the name recorded in the audit log, and the one the rules check (a requestor
    /// may not approve their own request).
    public StringProperty reviewerProperty() {
        return reviewer;
    }

    /// Also show cases with nothing to do (applied and active, rejected, removed).
    public BooleanProperty showSettledProperty() {
        return showSettled;
    }

    public ObjectProperty<ReviewRow> selectedRowProperty() {
        return selectedRow;
    }

    // ---- outputs

    /// The queue, in [ReviewRow#QUEUE_ORDER].
    public ObservableList<ReviewRow> rows() {
        return sortedView;
    }

    /// Every case of the store as last read, settled ones too, in no particular order.
    public ObservableList<ReviewRow> cases() {
        return casesView;
    }

    /// Reminders over the whole register, most urgent first.
    public ObservableList<Notification> notifications() {
        return notificationsView;
    }

    /// The badge on the Reviews navigation entry.
    public ReadOnlyIntegerProperty reminderCountProperty() {
        return reminderCount.getReadOnlyProperty();
    }

    /// Requests waiting for a decision.
    public ReadOnlyIntegerProperty waitingCountProperty() {
        return waitingCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /// Why the review workflow cannot be used (the data folder), or empty when it can.
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /// `2 waiting for a decision · 1 to apply · 1 to remove`
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    // ---- commands

    /// Reads the store again in the background, keeping the selected case selected.
    public void refresh() {
        refresh(selectAfter != null ? selectAfter : selectedRow.get() == null ? null : selectedRow.get().id());
    }

    /// Reads the store again and then selects the case `selectId` (a new request, say), if it is there.
    public void refresh(String selectId) {
        int current = ++generation;
        selectAfter = selectId;
        Workspace ws = workspace.getValue();
        List<Exemption> inWorkspace = ws == null ? List.of() : ws.exemptions();
        loading.set(true);
        runner.run(() -> read(inWorkspace), read -> {
            if (current == generation) {
                show(read, selectId);
            }
        }, error -> {
            if (current == generation) {
                selectAfter = null;
                loading.set(false);
                unavailable.set(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
                source.clear();
                notifications.clear();
            }
        });
    }

    /// Selects the queue row of this case, showing settled cases if it is one of them.
    public void selectById(String caseId) {
        var row = source.stream().filter(r -> r.id().equals(caseId)).findFirst();
        if (row.isPresent() && !row.get().needsAction()) {
            showSettled.set(true);
        }
        selectedRow.set(row.orElse(null));
    }

    /// Leads to what the reminder is about: the case here when the store knows it, else the register.
    public void open(Notification notification) {
        notification.caseId().ifPresentOrElse(this::selectById,
                () -> showInRegister.accept(notification.reminder().exemptionId()));
    }

    // ---- work

    /// `unavailable`: why the store could not be read ("" when it could); the reminders then cover the
    /// workspace alone, under the default review settings.
    private record Read(List<ReviewRow> rows, List<Notification> notifications, String unavailable) {
    }

    /// Off the FX thread: the store's cases as rows, and the reminders over the register the window shows
    /// (the workspace's exceptions and the stored requests beside them).
    private Read read(List<Exemption> inWorkspace) {
        Optional<ReviewService> service;
        String why = "";
        try {
            service = access.stored();
        } catch (ReviewHome.UnusableHome e) {
            service = Optional.empty();
            why = e.getMessage();
        }
        Instant now = clock.instant();
        var cases = service.map(ReviewService::cases).orElse(List.of());
        var settings = service.map(s -> s.workflow().settings()).orElse(ReviewSettings.defaults());
        var rows = cases.stream().map(c -> ReviewRow.of(c, settings.approvalsNeeded(), now)).toList();
        var register = new ArrayList<>(inWorkspace);
        register.addAll(StoredRequests.besides(inWorkspace, cases, now));
        // A reminder names the register's exemption; the case behind it is the request id it carries.
        Map<String, String> caseOf = new HashMap<>();
        var known = cases.stream().map(ReviewCase::id).collect(java.util.stream.Collectors.toSet());
        for (Exemption e : register) {
            e.decision().requestId().filter(known::contains).ifPresent(id -> caseOf.putIfAbsent(e.id(), id));
        }
        var reminders = Reminders.of(register, settings, now).stream()
                .map(r -> new Notification(r, Optional.ofNullable(caseOf.get(r.exemptionId())))).toList();
        return new Read(rows, reminders, why);
    }

    private void show(Read read, String selectId) {
        selectAfter = null;
        unavailable.set(read.unavailable());
        source.setAll(read.rows());
        notifications.setAll(read.notifications());
        long waiting = read.rows().stream().filter(r -> r.stage() == ReviewRow.Stage.IN_REVIEW).count();
        long toApply = read.rows().stream().filter(r -> r.stage() == ReviewRow.Stage.APPROVED).count();
        long toRemove = read.rows().stream().filter(r -> r.stage() == ReviewRow.Stage.AWAITING_REMOVAL).count();
        waitingCount.set((int) waiting);
        summary.set(waiting + " waiting for a decision · " + toApply + " to apply · " + toRemove + " to remove");
        loading.set(false);
        if (selectId != null) {
            selectById(selectId);
        } else {
            selectedRow.set(null);
        }
    }
}
