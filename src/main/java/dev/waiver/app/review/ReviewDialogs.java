package dev.waiver.app.review;

import java.util.Optional;

/// The questions the review workflow asks before it acts: the approval with its blast radius, a reason,
/// a renewal. ViewModels call this and never open a window, so they are tested with recorded answers.
public interface ReviewDialogs {

    /// A reason for a decision (reject, revoke, escalate); the answer is never blank.
    record ReasonQuestion(String title, String question, String prompt) {
    }

    /// A renewal: how many more days (at most `maxDays`) and the new justification.
    record RenewalQuestion(String title, int suggestedDays, int maxDays) {
    }

    record Renewal(int days, String reason) {
    }

    /// Shows the approval (what it exempts, lint findings, what it would skip) with its comment and risk
    /// acceptance fields; true when the reviewer confirms.
    boolean approve(ApprovalViewModel approval);

    /// Empty when the user cancels.
    Optional<String> askReason(ReasonQuestion question);

    /// Empty when the user cancels.
    Optional<Renewal> askRenewal(RenewalQuestion question);
}
