package dev.waiver.app.review;

import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.DialogService;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.ReviewStep;
import dev.waiver.engine.review.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/// The selected case and what the reviewer may do with it. Each step is a command with a `canX`
/// property and a `whyNotX` sentence, both from asking the engine's [Workflow] whether the current
/// reviewer may take the step now, so the window refuses exactly what the command line would.
///
/// What a step ends with is one line on the screen: what it did ([#lastResultProperty]), or why it was
/// refused or could not be carried out ([#problemProperty]: a rule, an RBAC "no", a 403, a conflict, a
/// server that does not answer), never a window over it.
public final class ReviewCaseViewModel {

    /// Stands in for the comment or reason a step asks for in its dialog: only the rest is checked up front.
    private static final String ANSWER_PENDING = "(asked when the step is taken)";

    private final ReviewAccess access;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ReviewDialogs questions;
    private final BlastRadius blastRadius;
    private final Clock clock;
    private final ObservableValue<Workspace> workspace;
    private final ApplyChoices targets;
    private final ObservableStringValue reviewer;
    private final Consumer<String> changed;

    private final CommandState approve = new CommandState();
    private final CommandState reject = new CommandState();
    private final CommandState apply = new CommandState();
    private final CommandState renew = new CommandState();
    private final CommandState revoke = new CommandState();
    private final CommandState remove = new CommandState();
    private final CommandState escalate = new CommandState();
    private final List<CommandState> all = List.of(approve, reject, apply, renew, revoke, remove, escalate);

    private final ReadOnlyObjectWrapper<ReviewCase> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper lastResult = new ReadOnlyStringWrapper(this, "lastResult", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /// The case that `lastResult` and `problem` speak of.
    private String saidOf;
    private final ReadOnlyStringWrapper applyLabel = new ReadOnlyStringWrapper(this, "applyLabel");
    private final ReviewCaseText text = new ReviewCaseText();

    /// @param contexts the kubeconfig contexts the register shows, in order (empty when it shows a folder or
    ///                 the demo): where Apply offers to write, beside a folder
    public ReviewCaseViewModel(ReviewAccess access, BackgroundRunner runner, DialogService dialogs, ReviewDialogs questions,
                               BlastRadius blastRadius, Clock clock, ObservableValue<Workspace> workspace,
                               ObservableValue<List<String>> contexts, Selection<ReviewCase> selection,
                               ObservableStringValue reviewer, Consumer<String> changed) {
        this.access = access;
        this.runner = runner;
        this.dialogs = dialogs;
        this.questions = questions;
        this.blastRadius = blastRadius;
        this.clock = clock;
        this.workspace = workspace;
        this.targets = new ApplyChoices(workspace, contexts);
        this.reviewer = reviewer;
        this.changed = changed;
        selection.selectedProperty().addListener((obs, old, c) -> show(c));
        reviewer.addListener((obs, old, now) -> evaluate());
        applyLabel.bind(Bindings.createStringBinding(() -> targets.onContexts() ? "Apply…" : "Apply to folder…", contexts));
        show(selection.get().orElse(null));
    }

    // ---- commands

    /// Shows the approval with its blast radius, then records the approval if the reviewer confirms.
    public void approve() {
        ReviewCase c = current.get();
        if (!approve.allowed()) {
            return;
        }
        var approval = new ApprovalViewModel(c, workspace.getValue(), clock);
        approval.evaluate(blastRadius, runner);
        if (questions.approve(approval)) {
            String actor = actor();
            take("Approve", s -> s.approve(c.id(), actor, approval.comment(), approval.riskAcceptance()));
        }
    }

    public void reject() {
        ReviewCase c = current.get();
        if (reject.allowed()) {
            String actor = actor();
            ask("Reject " + c.id(), "Why is it rejected? The requestor reads this.", "reason")
                    .ifPresent(reason -> take("Reject", s -> s.reject(c.id(), actor, reason)));
        }
    }

    /// Writes the approved exception where the reviewer says. On a register of kubeconfig contexts that is
    /// one of them (the one it belongs to suggested) or a folder; on a folder, a folder, the workspace's by
    /// default, so the register shows it applied after the reload.
    public void apply() {
        ReviewCase c = current.get();
        if (!apply.allowed()) {
            return;
        }
        if (!targets.onContexts()) {
            applyToFolder(c);
            return;
        }
        questions.askApplyTarget(targets.question(c)).ifPresent(choice -> {
            switch (choice) {
                case ReviewDialogs.ToContext(String context) -> applyTo(c, ReviewCase.Target.context(context));
                case ReviewDialogs.ToFolder folder -> applyToFolder(c);
            }
        });
    }

    private void applyToFolder(ReviewCase c) {
        dialogs.chooseFolder("Apply " + c.id() + " to a folder", targets.folder(c))
                .ifPresent(folder -> applyTo(c, ReviewCase.Target.folder(folder.toString())));
    }

    private void applyTo(ReviewCase c, ReviewCase.Target target) {
        String actor = actor();
        take("Apply", s -> s.apply(c.id(), target, actor));
    }

    public void renew() {
        ReviewCase c = current.get();
        if (!renew.allowed()) {
            return;
        }
        int max = (int) Math.max(1, workflow().map(w -> w.settings().maxDuration().toDays()).orElse(30L));
        questions.askRenewal(new ReviewDialogs.RenewalQuestion("Renew " + c.id(), Math.min(14, max), max))
                .ifPresent(r -> {
                    String actor = actor();
                    take("Renew", s -> s.renew(c.id(), actor, Duration.ofDays(r.days()), r.reason().strip()));
                });
    }

    public void revoke() {
        ReviewCase c = current.get();
        if (revoke.allowed()) {
            String actor = actor();
            ask("Revoke " + c.id(), "Why end it now? It stops being honoured at once.", "reason")
                    .ifPresent(reason -> take("Revoke", s -> s.revoke(c.id(), actor, reason)));
        }
    }

    public void remove() {
        ReviewCase c = current.get();
        if (remove.allowed() && dialogs.confirm("Remove " + c.id(), "Delete " + c.exemption().qualifiedName()
                + " from " + c.appliedTo().map(ReviewCase.Target::recorded).orElse("its target") + "?")) {
            String actor = actor();
            take("Remove", s -> s.remove(c.id(), actor));
        }
    }

    /// Flags the exception for a permanent decision (a policy change, say), with a comment saying why.
    public void escalate() {
        ReviewCase c = current.get();
        if (escalate.allowed()) {
            String actor = actor();
            ask("Escalate " + c.id(), "What should be decided for good?", "comment")
                    .ifPresent(comment -> take("Escalate", s -> s.escalate(c.id(), actor, comment)));
        }
    }

    // ---- state

    private void show(ReviewCase c) {
        current.set(c);
        text.show(c, workflow().map(w -> w.settings().approvalsNeeded()).orElse(1), clock.instant());
        // The same case read again after a step keeps the line that says what the step did, even when the
        // queue lets go of it for a moment while its rows are replaced; another case does not.
        if (c != null && !c.id().equals(saidOf)) {
            lastResult.set("");
            problem.set("");
            saidOf = null;
        }
        evaluate();
    }

    /// Asks the engine, for each step, whether the current reviewer may take it now.
    private void evaluate() {
        ReviewCase c = current.get();
        String actor = actor();
        Optional<Workflow> workflow = workflow();
        String blocked = busy.get() ? "Working…"
                : c == null ? "Select a case in the queue"
                : workflow.isEmpty() ? "The review workflow is not available"
                : actor.isEmpty() ? "Enter your name as reviewer first" : null;
        if (blocked != null) {
            all.forEach(state -> state.refuse(blocked));
            return;
        }
        Workflow w = workflow.get();
        Instant now = clock.instant();
        judge(approve, "approve", w.approve(c, actor, "", Optional.empty(), now));
        judge(reject, "reject", w.reject(c, actor, ANSWER_PENDING, now));
        judge(apply, "apply", w.apply(c, actor, now));
        judge(renew, "renew", w.renew(c, actor, Duration.ofDays(1), ANSWER_PENDING, now));
        judge(revoke, "revoke", w.revoke(c, actor, ANSWER_PENDING, now));
        judge(remove, "remove", w.remove(c, actor, now));
        judge(escalate, "escalate", w.escalate(c, actor, ANSWER_PENDING, now));
    }

    private static void judge(CommandState state, String verb, ReviewStep step) {
        switch (step) {
            case ReviewStep.Done done -> state.allow();
            case ReviewStep.Refused refused -> state.refuse(switch (refused.rule()) {
                case SELF_APPROVAL -> "You requested this one: someone else must " + verb + " it";
                default -> sentence(refused.message());
            });
        }
    }

    private static String sentence(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    // ---- work

    /// Runs one service call in the background; a refusal or failure is one message, success refreshes.
    private void take(String step, ServiceCall call) {
        busy.set(true);
        problem.set("");
        evaluate();
        String about = current.get().id();
        Callable<ReviewResult> task = () -> call.on(access.service());
        runner.run(task, result -> {
            busy.set(false);
            saidOf = about;
            evaluate();
            switch (result) {
                case ReviewResult.Recorded r -> {
                    lastResult.set(sentence(r.message()));
                    changed.accept(r.after().id());
                }
                case ReviewResult.Refused r -> failed(step + " refused: " + r.message() + " (rule " + r.rule().code() + ")");
                case ReviewResult.Failed f -> {
                    failed(step + " failed: " + f.message());
                    if (f.recorded()) {
                        changed.accept(current.get() == null ? null : current.get().id());
                    }
                }
            }
        }, error -> {
            busy.set(false);
            saidOf = about;
            failed(step + " failed: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
            evaluate();
        });
    }

    /// The one line that says why the step did not happen; the line of the step before no longer applies.
    private void failed(String message) {
        lastResult.set("");
        problem.set(message);
    }

    @FunctionalInterface
    private interface ServiceCall {
        ReviewResult on(ReviewService service);
    }

    private Optional<String> ask(String title, String question, String prompt) {
        return questions.askReason(new ReviewDialogs.ReasonQuestion(title, question, prompt))
                .map(String::strip).filter(answer -> !answer.isEmpty());
    }

    private Optional<Workflow> workflow() {
        return access.current().map(ReviewService::workflow);
    }

    private String actor() {
        return reviewer.get() == null ? "" : reviewer.get().strip();
    }

    // ---- outputs

    public ReadOnlyObjectProperty<ReviewCase> currentProperty() { return current.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /// What the last step did, in one sentence (`Applied R-1 to folder:/gitops`).
    public ReadOnlyStringProperty lastResultProperty() { return lastResult.getReadOnlyProperty(); }
    /// Why the last step was refused or not carried out, in one line; empty after a step that worked.
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /// `Apply to folder…`, or `Apply…` when the register's contexts are offered too.
    public ReadOnlyStringProperty applyLabelProperty() { return applyLabel.getReadOnlyProperty(); }
    public ReviewCaseText text() { return text; }

    public ReadOnlyBooleanProperty canApproveProperty() { return approve.allowedProperty(); }
    public ReadOnlyStringProperty whyNotApproveProperty() { return approve.whyNotProperty(); }
    public ReadOnlyBooleanProperty canRejectProperty() { return reject.allowedProperty(); }
    public ReadOnlyStringProperty whyNotRejectProperty() { return reject.whyNotProperty(); }
    public ReadOnlyBooleanProperty canApplyProperty() { return apply.allowedProperty(); }
    public ReadOnlyStringProperty whyNotApplyProperty() { return apply.whyNotProperty(); }
    public ReadOnlyBooleanProperty canRenewProperty() { return renew.allowedProperty(); }
    public ReadOnlyStringProperty whyNotRenewProperty() { return renew.whyNotProperty(); }
    public ReadOnlyBooleanProperty canRevokeProperty() { return revoke.allowedProperty(); }
    public ReadOnlyStringProperty whyNotRevokeProperty() { return revoke.whyNotProperty(); }
    public ReadOnlyBooleanProperty canRemoveProperty() { return remove.allowedProperty(); }
    public ReadOnlyStringProperty whyNotRemoveProperty() { return remove.whyNotProperty(); }
    public ReadOnlyBooleanProperty canEscalateProperty() { return escalate.allowedProperty(); }
    public ReadOnlyStringProperty whyNotEscalateProperty() { return escalate.whyNotProperty(); }
}
