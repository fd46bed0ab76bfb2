package dev.waiver.app.compliance;

import dev.waiver.app.evaluation.WorkspaceEvaluation;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.RegisterEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// "What does this exception cover?" for the exception selected in the register: the failed checks of the
/// open workspace it turns into Skips ([WorkspaceEvaluation#coverage], the blast radius a reviewer sees
/// before approving), and a plain flag when it covers nothing. Evaluated on demand, off the FX thread;
/// another selection or another workspace clears the answer.
public final class CoverageViewModel {

    /// Lines shown at most; the summary still counts them all.
    static final int MAX_LINES = 200;

    private final Selection<RegisterEntry> selection;
    private final ObservableValue<Workspace> workspace;
    private final BackgroundRunner runner;
    private final Clock clock;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canCheck = new ReadOnlyBooleanWrapper(this, "canCheck");
    private final ReadOnlyBooleanWrapper coversNothing = new ReadOnlyBooleanWrapper(this, "coversNothing");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    /// One wrapper, kept: a wrapper made per call listens to `lines` only weakly and may be collected with
    /// the listeners a view put on it.
    private final ObservableList<String> linesView = FXCollections.unmodifiableObservableList(lines);
    private int generation;

    public CoverageViewModel(Selection<RegisterEntry> selection, ObservableValue<Workspace> workspace,
                             BackgroundRunner runner, Clock clock) {
        this.selection = selection;
        this.workspace = workspace;
        this.runner = runner;
        this.clock = clock;
        canCheck.bind(Bindings.createBooleanBinding(
                () -> selection.selectedProperty().get() != null && workspace.getValue() != null && !running.get(),
                selection.selectedProperty(), workspace, running));
        selection.selectedProperty().addListener((obs, old, now) -> clear());
        workspace.addListener((obs, old, now) -> clear());
    }

    /// Evaluates the selected exception's policies over the workspace, with it honoured.
    public void check() {
        var entry = selection.get();
        Workspace ws = workspace.getValue();
        if (entry.isEmpty() || ws == null || running.get()) {
            return;
        }
        int current = ++generation;
        var exemption = entry.get().exemption();
        ExemptionStatus status = entry.get().status();
        running.set(true);
        summary.set("Evaluating " + exemption.qualifiedName() + " over the workspace…");
        note.set("");
        lines.clear();
        coversNothing.set(false);
        runner.run(() -> WorkspaceEvaluation.coverage(ws, exemption, clock), coverage -> {
            if (current == generation) {
                show(coverage, status);
            }
        }, error -> {
            if (current == generation) {
                running.set(false);
                summary.set("Could not evaluate: " + (error.getMessage() == null ? error.getClass().getSimpleName()
                        : error.getMessage()));
            }
        });
    }

    private void clear() {
        generation++;
        running.set(false);
        summary.set("");
        note.set("");
        lines.clear();
        coversNothing.set(false);
    }

    private void show(WorkspaceEvaluation.Coverage coverage, ExemptionStatus status) {
        running.set(false);
        var notes = new ArrayList<String>();
        if (status != ExemptionStatus.ACTIVE) {
            notes.add("Not in effect now (" + status.label() + "): the cluster does not honour it. Shown is what it"
                    + " would cover if it did; its own conditions are checked at the current time.");
        }
        if (!coverage.policiesKnown()) {
            coversNothing.set(true);
            summary.set("Covers nothing in this workspace: none of the policies it names is here."
                    + " It may no longer be needed (or the policy was not loaded).");
        } else if (coverage.resources() == 0) {
            summary.set("The workspace holds no resources to evaluate, so what it covers cannot be told here.");
        } else if (coverage.failures().isEmpty()) {
            coversNothing.set(true);
            summary.set("Covers nothing in this workspace: it may no longer be needed.");
            if (coverage.passingAnyway() > 0) {
                notes.add("It matches " + checks(coverage.passingAnyway()) + " that pass without it.");
            }
        } else {
            int n = coverage.failures().size();
            summary.set("Turns " + checks(n).replace("check", "failed check") + " from Fail to Skip:");
            int shared = n - coverage.alone().size();
            if (shared > 0) {
                notes.add(shared + " of them " + (shared == 1 ? "is" : "are")
                        + " also skipped by another exception, so removing this one alone would not bring "
                        + (shared == 1 ? "it" : "them") + " back.");
            }
            if (coverage.passingAnyway() > 0) {
                notes.add("It also matches " + checks(coverage.passingAnyway()) + " that pass without it.");
            }
        }
        note.set(String.join("\n", notes));
        List<String> shown = coverage.failures().stream().limit(MAX_LINES).map(c -> c.line()
                + (c.alsoBy().isEmpty() ? "" : "  (also " + String.join(", ", c.alsoBy()) + ")")).toList();
        var all = new ArrayList<>(shown);
        if (coverage.failures().size() > MAX_LINES) {
            all.add("… and " + (coverage.failures().size() - MAX_LINES) + " more");
        }
        lines.setAll(all);
    }

    private static String checks(int n) {
        return n + (n == 1 ? " check" : " checks");
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCheckProperty() {
        return canCheck.getReadOnlyProperty();
    }

    /// The exception hides no failure in the workspace (or names no policy in it).
    public ReadOnlyBooleanProperty coversNothingProperty() {
        return coversNothing.getReadOnlyProperty();
    }

    /// The answer in one sentence; empty until asked.
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /// What else to know: not in effect now, shared with another exception, matched checks that pass.
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /// One line per failed check it turns into a Skip: `Pod payments/vendor-api: policy / rule`.
    public ObservableList<String> lines() {
        return linesView;
    }
}
