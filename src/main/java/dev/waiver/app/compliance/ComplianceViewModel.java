package dev.waiver.app.compliance;

import dev.waiver.app.evaluation.WorkspaceEvaluation;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.Workspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/// The Compliance screen's results: the open workspace evaluated in the background (progress, cancel,
/// re-run), its rows sorted as the table asks and filtered by its [ResultFilterViewModel], what the rows
/// are (summary) or why there are none (placeholder), and the selected row published to the shared
/// [Selection] that [ResultDetailViewModel] follows.
///
/// The evaluation is [WorkspaceEvaluation], the one `waiver evaluate` shares. It runs when the screen is
/// shown ([#activate()]) and the workspace has changed since the last run; a run the user cancels stops
/// between resources and leaves the previous results in place.
public final class ComplianceViewModel {

    /// How far a run got, reported from the evaluating thread.
    private record Step(int done, int total) {
    }

    /// Rows and filter choices, built off the FX thread with the evaluation.
    private record Prepared(WorkspaceEvaluation.Evaluation evaluation, List<ResultRow> rows,
                            ResultFilterViewModel.Choices choices) {

        static Prepared of(WorkspaceEvaluation.Evaluation evaluation) {
            var rows = new ArrayList<ResultRow>(evaluation.results().size());
            for (var checked : evaluation.results()) {
                rows.add(ResultRow.of(rows.size(), checked));
            }
            return new Prepared(evaluation, rows, ResultFilterViewModel.Choices.of(rows));
        }
    }

    private final BackgroundRunner runner;
    private final Clock clock;
    private final ObservableValue<Workspace> workspace;

    private final ObjectProperty<Comparator<? super ResultRow>> comparator = new SimpleObjectProperty<>(this, "comparator");
    private final ObjectProperty<ResultRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");

    private final ObservableList<ResultRow> source = FXCollections.observableArrayList();
    private final SortedList<ResultRow> sorted = new SortedList<>(source);
    private final FilteredList<ResultRow> filtered = new FilteredList<>(sorted);
    private final ObservableList<ResultRow> rows = FXCollections.unmodifiableObservableList(filtered);
    private final ResultFilterViewModel filters = new ResultFilterViewModel(FXCollections.unmodifiableObservableList(source));

    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");

    private WorkspaceEvaluation.Evaluation evaluation;
    private String evaluatedTitle = "";
    private int generation;
    private AtomicBoolean cancelRequested = new AtomicBoolean();
    private boolean active;
    private boolean stale = true;

    /// @param selection where the selected row goes, with its run, for the detail to follow
    public ComplianceViewModel(BackgroundRunner runner, Clock clock, ObservableValue<Workspace> workspace,
                               Selection<SelectedResult> selection) {
        this.runner = runner;
        this.clock = clock;
        this.workspace = workspace;
        sorted.comparatorProperty().bind(comparator);
        filters.predicateProperty().addListener((obs, old, now) -> filtered.setPredicate(now));
        shownCount.bind(Bindings.size(filtered));
        canRun.bind(Bindings.createBooleanBinding(() -> workspace.getValue() != null && !running.get(), workspace, running));
        selectedRow.addListener((obs, old, row) -> selection.select(row == null ? null : new SelectedResult(row, evaluation)));
        workspace.addListener((obs, old, now) -> workspaceChanged());
        updatePlaceholder();
    }

    // ---- inputs

    /// The table's sort order (bound by the view); null keeps evaluation order.
    public ObjectProperty<Comparator<? super ResultRow>> comparatorProperty() {
        return comparator;
    }

    /// The row the table has selected; published to the shared [Selection].
    public ObjectProperty<ResultRow> selectedRowProperty() {
        return selectedRow;
    }

    // ---- outputs

    public ObservableList<ResultRow> rows() {
        return rows;
    }

    /// The result counters and the policy / rule / namespace / kind filters that decide [#rows()].
    public ResultFilterViewModel filters() {
        return filters;
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
                : "Still showing the previous results: " + ComplianceTexts.summary(evaluation, evaluatedTitle)));
        updatePlaceholder();
    }

    // ---- work

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
        filters.offer(prepared.choices());
        // The filters' verdicts are indexed by row: drop the old predicate before the rows change under it.
        filtered.setPredicate(null);
        source.setAll(prepared.rows());
        filters.recount();
        totalCount.set(prepared.rows().size());
        running.set(false);
        progress.set(1);
        progressText.set("");
        summary.set(ComplianceTexts.summary(evaluation, evaluatedTitle));
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

    private void updatePlaceholder() {
        placeholder.set(ComplianceTexts.placeholder(evaluation, running.get(), workspace.getValue() != null,
                !source.isEmpty()));
    }
}
