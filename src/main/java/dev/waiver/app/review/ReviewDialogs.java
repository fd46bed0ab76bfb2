package dev.waiver.app.review;

import java.util.List;
import java.util.Optional;

/// The questions the review workflow asks before it acts: the approval with its blast radius, a reason,
/// a renewal, where to apply. ViewModels call this and never open a window, so they are tested with
/// recorded answers.
public interface ReviewDialogs {

    /// A reason for a decision (reject, revoke, escalate); the answer is never blank.
    record ReasonQuestion(String title, String question, String prompt) {
    }

    /// A renewal: how many more days (at most `maxDays`) and the new justification.
    record RenewalQuestion(String title, int suggestedDays, int maxDays) {
    }

    record Renewal(int days, String reason) {
    }

    /// One answer to "where should it be applied?": a kubeconfig context, or a folder picked next.
    sealed interface ApplyChoice {
        /// What the dialog shows for it.
        String label();
    }

    record ToContext(String context) implements ApplyChoice {
        @Override
        public String label() {
            return "Context " + context;
        }
    }

    record ToFolder() implements ApplyChoice {
        @Override
        public String label() {
            return "A folder…";
        }
    }

    /// Where to apply an approved exception: one of `choices`, `suggested` (one of them) chosen to begin with.
    record TargetQuestion(String title, String question, List<ApplyChoice> choices, ApplyChoice suggested) {
        public TargetQuestion {
            choices = List.copyOf(choices);
            if (!choices.contains(suggested)) {
                throw new IllegalArgumentException("the suggested target is not among the choices");
            }
        }
    }

    /// Shows the approval (what it exempts, lint findings, what it would skip) with its comment and risk
    /// acceptance fields; true when the reviewer confirms.
    boolean approve(ApprovalViewModel approval);

    /// Empty when the user cancels.
    Optional<String> askReason(ReasonQuestion question);

    /// Empty when the user cancels.
    Optional<Renewal> askRenewal(RenewalQuestion question);

    /// One of the question's choices; empty when the user cancels.
    Optional<ApplyChoice> askApplyTarget(TargetQuestion question);
}
