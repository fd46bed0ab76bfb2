package dev.waiver.app.review;

import dev.waiver.app.ui.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/// Both dialog ports, answering from what the test set and remembering what would have been shown.
final class RecordingReviewDialogs implements DialogService, ReviewDialogs {

    final List<String> shown = new ArrayList<>();
    Optional<Path> folder = Optional.empty();
    Optional<String> reason = Optional.empty();
    Optional<Renewal> renewal = Optional.empty();
    /// Answers the apply-target question; given the question, empty cancels. By default: the suggestion.
    java.util.function.Function<TargetQuestion, Optional<ApplyChoice>> target = q -> Optional.of(q.suggested());
    TargetQuestion lastTargetQuestion;
    boolean approves = true;
    boolean confirms = true;
    Consumer<ApprovalViewModel> fillApproval = approval -> { };
    ApprovalViewModel lastApproval;

    @Override
    public void showError(String title, String message) {
        shown.add("error: " + title + ": " + message);
    }

    @Override
    public void showInformation(String title, String message) {
        shown.add("info: " + title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        shown.add("confirm: " + title + ": " + message);
        return confirms;
    }

    @Override
    public Optional<Path> chooseFolder(String title, Optional<Path> initial) {
        shown.add("choose folder: " + title + initial.map(p -> " from " + p).orElse(""));
        return folder;
    }

    @Override
    public boolean approve(ApprovalViewModel approval) {
        lastApproval = approval;
        shown.add("approve: " + approval.title());
        fillApproval.accept(approval);
        return approves;
    }

    @Override
    public Optional<String> askReason(ReasonQuestion question) {
        shown.add("ask: " + question.title());
        return reason;
    }

    @Override
    public Optional<ApplyChoice> askApplyTarget(TargetQuestion question) {
        lastTargetQuestion = question;
        shown.add("apply to: " + question.title() + ": " + String.join(" | ", question.choices().stream()
                .map(c -> (c.equals(question.suggested()) ? "*" : "") + c.label()).toList()));
        return target.apply(question);
    }

    @Override
    public Optional<Renewal> askRenewal(RenewalQuestion question) {
        shown.add("renew: " + question.title() + " (at most " + question.maxDays() + " days)");
        return renewal;
    }
}
