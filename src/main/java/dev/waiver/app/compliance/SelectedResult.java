package dev.waiver.app.compliance;

import dev.waiver.app.evaluation.WorkspaceEvaluation;

/// A result the Compliance table has selected, with the run that produced it: what [ComplianceViewModel]
/// shares with [ResultDetailViewModel] through a [dev.waiver.app.ui.Selection], so the detail can show the
/// rule as that run compiled it without a reference to the table's ViewModel.
public record SelectedResult(ResultRow row, WorkspaceEvaluation.Evaluation evaluation) {
}
