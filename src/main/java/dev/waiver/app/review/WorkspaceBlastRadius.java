package dev.waiver.app.review;

import dev.waiver.app.evaluation.WorkspaceEvaluation;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Exemption;
import java.time.Clock;
import java.util.List;
import javafx.beans.value.ObservableValue;

/// The blast radius over the open workspace: its policies and resources evaluated the way
/// `waiver evaluate` does, once more with the candidate honoured too ([WorkspaceEvaluation#coverage]).
/// A check counts when the candidate alone turns its failure into a Skip; one another exception already
/// hides is no news.
public final class WorkspaceBlastRadius implements BlastRadius {

    private final Clock clock;
    /// Mirrored from the FX thread, read on the background thread that evaluates.
    private volatile Workspace workspace;

    public WorkspaceBlastRadius(ObservableValue<Workspace> workspace, Clock clock) {
        this.clock = clock;
        this.workspace = workspace.getValue();
        workspace.addListener((obs, old, now) -> this.workspace = now);
    }

    @Override
    public List<String> wouldSkip(Exemption candidate) {
        return WorkspaceEvaluation.coverage(workspace, candidate, clock).alone().stream()
                .map(WorkspaceEvaluation.Covered::line).toList();
    }
}
