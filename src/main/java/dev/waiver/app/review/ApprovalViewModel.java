package dev.waiver.app.review;

import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Finding;
import dev.waiver.engine.exemption.Lint;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.review.ReviewCase;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The approval of one request, as the reviewer sees it before deciding: what it exempts, the lint
/// findings it would carry once approved, and its blast radius (the failed checks it would turn into
/// Skips now), worked out in the background while the dialog is open.
public final class ApprovalViewModel {

    private final Exemption exemption;
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final StringProperty riskAcceptance = new SimpleStringProperty(this, "riskAcceptance", "");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ObservableList<String> wouldSkip = FXCollections.observableArrayList();
    private final ObservableList<String> wouldSkipView = FXCollections.unmodifiableObservableList(wouldSkip);
    private final ReadOnlyBooleanWrapper evaluating = new ReadOnlyBooleanWrapper(this, "evaluating");
    private final ReadOnlyStringWrapper blastSummary = new ReadOnlyStringWrapper(this, "blastSummary", "");
    private final String title;
    private final String scope;

    /// `workspace` may be null (none loaded): the findings then know no policies and nothing is evaluated.
    ApprovalViewModel(ReviewCase reviewCase, Workspace workspace, Clock clock) {
        this.exemption = reviewCase.exemption();
        this.title = "Approve " + reviewCase.id() + ": " + exemption.qualifiedName();
        this.scope = ReviewRow.checks(exemption.checks()) + "\nmatches " + exemption.scope().describe();
        var catalog = workspace == null ? PolicyCatalog.empty() : workspace.policies();
        // As it would stand once approved: the findings of an Active exception.
        findings.setAll(Lint.findings(exemption, ExemptionStatus.ACTIVE, catalog, clock.instant()));
    }

    /// Evaluates the blast radius in the background; the lists fill in when it is done.
    void evaluate(BlastRadius blastRadius, BackgroundRunner runner) {
        evaluating.set(true);
        blastSummary.set("Evaluating the workspace…");
        runner.run(() -> blastRadius.wouldSkip(exemption), lines -> {
            wouldSkip.setAll(lines);
            evaluating.set(false);
            blastSummary.set(lines.isEmpty() ? "No failed check in this workspace would be skipped."
                    : lines.size() == 1 ? "1 failed check would become a Skip now:"
                    : lines.size() + " failed checks would become Skips now:");
        }, error -> {
            evaluating.set(false);
            blastSummary.set("Cannot evaluate the workspace: " + error.getMessage());
        });
    }

    /// `Approve R-1a2b: payments/require-signature-payments-1a2b`
    public String title() {
        return title;
    }

    /// The checks it exempts and what it matches.
    public String scope() {
        return scope;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty riskAcceptanceProperty() {
        return riskAcceptance;
    }

    String comment() {
        return comment.get().strip();
    }

    Optional<String> riskAcceptance() {
        return Optional.of(riskAcceptance.get().strip()).filter(r -> !r.isEmpty());
    }

    /// Most severe first.
    public ObservableList<Finding> findings() {
        return findingsView;
    }

    public ObservableList<String> wouldSkip() {
        return wouldSkipView;
    }

    public ReadOnlyBooleanProperty evaluatingProperty() {
        return evaluating.getReadOnlyProperty();
    }

    /// What the blast radius says in one line: evaluating, none, or how many.
    public ReadOnlyStringProperty blastSummaryProperty() {
        return blastSummary.getReadOnlyProperty();
    }

    List<String> wouldSkipNow() {
        return List.copyOf(wouldSkip);
    }
}
