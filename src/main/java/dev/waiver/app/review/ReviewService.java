package dev.waiver.app.review;

import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.app.workspace.YamlWriter;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.exemption.PolicySummary;
import dev.waiver.engine.ports.AuditLog;
import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.review.RequestForm;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.ReviewHistory;
import dev.waiver.engine.review.ReviewMetrics;
import dev.waiver.engine.review.ReviewStep;
import dev.waiver.engine.review.TemporaryExceptions;
import dev.waiver.engine.review.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/// Runs the review workflow: asks the engine's rules, records each decision in the audit log before it
/// takes effect, then carries it out on the target the exception was applied to.
public final class ReviewService {

    /// Opens the target an exception is applied to (a folder, or a cluster context).
    public interface Targets {
        ApplyTarget open(ReviewCase.Target target) throws TargetWriteException;
    }

    private final AuditLog log;
    /// The workflow under the review settings in effect now (the window's service outlives a `settings set`).
    private final Supplier<Workflow> workflow;
    private final Clock clock;
    private final Targets targets;
    private final Supplier<String> ids;

    public ReviewService(AuditLog log, Workflow workflow, Clock clock, Targets targets, Supplier<String> ids) {
        this(log, () -> workflow, clock, targets, ids);
    }

    /// With the workflow built from the review settings as they are when each step runs.
    public ReviewService(AuditLog log, Supplier<Workflow> workflow, Clock clock, Targets targets, Supplier<String> ids) {
        this.log = log;
        this.workflow = workflow;
        this.clock = clock;
        this.targets = targets;
        this.ids = ids;
    }

    public Workflow workflow() {
        return workflow.get();
    }

    /// Every case the log knows, oldest request first.
    public List<ReviewCase> cases() {
        return casesOf(log.entries());
    }

    /// The cases these entries (a whole log, oldest first) hold: for readers that already have the entries,
    /// such as an export, so everything it derives comes from the same read.
    public static List<ReviewCase> casesOf(List<AuditEntry> entries) {
        return List.copyOf(ReviewHistory.fold(entries, ReviewService::parse).values());
    }

    /// The audit log the decisions are recorded in: for reading, verifying and exporting it, never for writing
    /// around the workflow.
    public AuditLog log() {
        return log;
    }

    /// The process measures over every case the log knows, as of now: what `waiver metrics` prints and the
    /// Audit screen charts.
    public ReviewMetrics metrics() {
        return ReviewMetrics.of(cases(), now());
    }

    public Optional<ReviewCase> find(String id) {
        return cases().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public ReviewResult request(RequestForm form, Optional<PolicySummary> policy) {
        return record(workflow().request(form, ids.get(), policy, now()), form.requestor(), "");
    }

    /// Who approves temporary exceptions of the policies the settings let through without a reviewer.
    public static final String AUTO_APPROVER = "waiver (auto-apply)";

    /// Whether any policy has a grace period, so an evaluation may draft temporary exceptions at all.
    public boolean draftsTemporaryExceptions() {
        return !workflow().settings().gracePeriods().isEmpty();
    }

    /// The temporary exceptions an evaluation calls for ([TemporaryExceptions#drafts]: new failures
    /// under grace-period policies), drafted as [#draftTemporary] does.
    public List<ReviewResult> draftForFailures(List<RuleResult> results, Optional<ReviewCase.Target> autoTarget) {
        return draftTemporary(TemporaryExceptions.drafts(results, workflow().settings(), cases(), now()), autoTarget);
    }

    /// Drafts temporary exceptions for new failures under grace-period policies. Those of auto-apply
    /// policies are approved at once and, when a target is given, applied there; the rest wait for a reviewer.
    public List<ReviewResult> draftTemporary(List<RequestForm> drafts, Optional<ReviewCase.Target> autoTarget) {
        var results = new java.util.ArrayList<ReviewResult>();
        Workflow workflow = workflow();
        for (RequestForm form : drafts) {
            var drafted = record(workflow.draft(form, ids.get(), Optional.empty(), now()), form.requestor(), "");
            if (drafted instanceof ReviewResult.Recorded r && workflow.settings().autoApply().contains(form.policy())) {
                String id = r.after().id();
                drafted = approve(id, AUTO_APPROVER, "grace period of " + form.policy(), Optional.empty());
                if (drafted instanceof ReviewResult.Recorded && autoTarget.isPresent()) {
                    drafted = apply(id, autoTarget.get(), AUTO_APPROVER);
                }
            }
            results.add(drafted);
        }
        return results;
    }

    public ReviewResult approve(String id, String actor, String comment, Optional<String> riskAcceptance) {
        return withCase(id, c -> record(workflow().approve(c, actor, comment, riskAcceptance, now()), actor, ""));
    }

    public ReviewResult reject(String id, String actor, String comment) {
        return withCase(id, c -> record(workflow().reject(c, actor, comment, now()), actor, ""));
    }

    public ReviewResult escalate(String id, String actor, String comment) {
        return withCase(id, c -> record(workflow().escalate(c, actor, comment, now()), actor, ""));
    }

    /// Repairs an exception Waiver did not create, in the file it was read from: its never-true time
    /// condition becomes the working form with the dates its author meant. Written, then recorded, like an apply.
    public ReviewResult repairInFile(dev.waiver.engine.exemption.Exemption exemption, java.nio.file.Path file, String actor) {
        return switch (workflow().repair(exemption.id(), exemption.document().thaw(), actor, now())) {
            case ReviewStep.Refused r -> new ReviewResult.Refused(r.rule(), r.message());
            case ReviewStep.Done done -> {
                try {
                    FolderRewrite.replace(file, exemption.namespace(), exemption.name(), done.after());
                } catch (TargetWriteException e) {
                    yield new ReviewResult.Failed(exemption.qualifiedName() + " not repaired: " + e.getMessage(), false);
                }
                append(done, actor, ReviewCase.Target.folder(file.toString()).recorded());
                yield new ReviewResult.Recorded(new ReviewCase(exemption.id(), done.after(), now(), java.util.Set.of(),
                        Optional.empty(), Optional.empty(), false), "repaired " + exemption.qualifiedName() + " in " + file
                        + " (" + done.comment() + "; comments and layout of that file were not kept)");
            }
        };
    }

    /// Writes the approved exception to the target, then records the apply with the version it answered.
    public ReviewResult apply(String id, ReviewCase.Target target, String actor) {
        return withCase(id, c -> {
            if (c.appliedTo().filter(t -> !t.equals(target)).isPresent() && !c.removed()) {
                return new ReviewResult.Refused(dev.waiver.engine.review.ReviewRule.WRONG_STATE,
                        id + " is already applied to " + c.appliedTo().get().recorded() + "; remove it there first");
            }
            return switch (workflow().apply(c, actor, now())) {
                case ReviewStep.Refused r -> new ReviewResult.Refused(r.rule(), r.message());
                case ReviewStep.Done done -> {
                    ApplyTarget opened;
                    try {
                        opened = targets.open(target);
                        opened.checkWrite(done.after());
                    } catch (TargetWriteException e) {
                        yield notWritten(done, target, actor, e, Optional.empty());
                    }
                    yield writeAndRecord(done, target, opened, actor, Optional.empty());
                }
            };
        });
    }

    public ReviewResult renew(String id, String actor, Duration length, String reason) {
        return decideThenRewrite(id, c -> workflow().renew(c, actor, length, reason, now()), actor);
    }

    public ReviewResult revoke(String id, String actor, String comment) {
        return decideThenRewrite(id, c -> workflow().revoke(c, actor, comment, now()), actor);
    }

    /// Deletes the exception from where it was applied, then records the removal.
    public ReviewResult remove(String id, String actor) {
        return withCase(id, c -> switch (workflow().remove(c, actor, now())) {
            case ReviewStep.Refused r -> new ReviewResult.Refused(r.rule(), r.message());
            case ReviewStep.Done done -> {
                var target = c.appliedTo().orElseThrow();
                Optional<String> writtenAs;
                try {
                    ApplyTarget opened = targets.open(target);
                    opened.checkDelete(done.before());
                    opened.delete(done.before());
                    writtenAs = opened.writtenAs();
                } catch (TargetWriteException e) {
                    yield new ReviewResult.Failed(id + " not removed: " + e.getMessage(), false);
                }
                append(new ReviewStep.Done(done.action(), id, done.before(), done.after(),
                        writtenAs.map(ReviewHistory::identityNote).orElse(done.comment())), actor, target.recorded());
                yield recorded(id, "removed " + id + " from " + target.recorded());
            }
        });
    }

    /// A decision that changes an applied object (renew, revoke) is recorded, then written where it was
    /// applied so the cluster enforces the new end; a failed write says how to retry. A target that is
    /// gone from the configuration, or refuses the change outright (RBAC), stops it before it is recorded.
    private ReviewResult decideThenRewrite(String id, Function<ReviewCase, ReviewStep> decide, String actor) {
        return withCase(id, c -> switch (decide.apply(c)) {
            case ReviewStep.Refused r -> new ReviewResult.Refused(r.rule(), r.message());
            case ReviewStep.Done done -> {
                if (c.appliedTo().isEmpty() || c.removed()) {
                    append(done, actor, "");
                    yield recorded(id, pastTense(done.action()) + " " + id);
                }
                var target = c.appliedTo().get();
                ApplyTarget opened;
                try {
                    opened = targets.open(target);
                    opened.checkWrite(done.after());
                } catch (TargetWriteException e) {
                    yield new ReviewResult.Failed(id + " not " + pastTense(done.action()) + ": "
                            + e.getMessage() + " (nothing was recorded)", false);
                }
                append(done, actor, "");
                var apply = new ReviewStep.Done(AuditAction.APPLY, id, done.after(), done.after(), "");
                // A revoked exception cannot be applied again; removing it is what ends it where it was applied.
                yield writeAndRecord(apply, target, opened, actor,
                        Optional.of(done.action() == AuditAction.REVOKE ? "remove" : "apply"));
            }
        });
    }

    private ReviewResult writeAndRecord(ReviewStep.Done apply, ReviewCase.Target target, ApplyTarget opened,
                                        String actor, Optional<String> retryAfterRecorded) {
        Map<String, Object> stored;
        try {
            stored = opened.write(apply.after());
        } catch (TargetWriteException e) {
            return notWritten(apply, target, actor, e, retryAfterRecorded);
        }
        Optional<String> version = dev.waiver.engine.tree.Trees.string(stored, "metadata", "resourceVersion");
        append(new ReviewStep.Done(AuditAction.APPLY, apply.exemptionId(), apply.before(), stored,
                ReviewHistory.appliedComment(version, opened.writtenAs())), actor, target.recorded());
        return recorded(apply.exemptionId(), "applied " + apply.exemptionId() + " to " + target.recorded()
                + version.map(v -> " (resourceVersion " + v + ")").orElse(""));
    }

    /// `renewed`, `revoked`.
    private static String pastTense(AuditAction action) {
        String verb = action.name().toLowerCase(java.util.Locale.ROOT);
        return verb + (verb.endsWith("e") ? "d" : "ed");
    }

    private static ReviewResult notWritten(ReviewStep.Done apply, ReviewCase.Target target, String actor,
                                           TargetWriteException e, Optional<String> retryAfterRecorded) {
        String where = (target.kind() == ReviewCase.Target.Kind.FOLDER ? " --dir " : " --context ") + target.name();
        String retry = retryAfterRecorded.map(command -> " (the decision is recorded; run `waiver " + command + " "
                + apply.exemptionId() + (command.equals("apply") ? where : "") + " --as " + actor + "` to carry it out there)")
                .orElse("");
        return new ReviewResult.Failed(apply.exemptionId() + " not written to " + target.recorded() + ": "
                + e.getMessage() + retry, retryAfterRecorded.isPresent());
    }

    private ReviewResult record(ReviewStep step, String actor, String context) {
        return switch (step) {
            case ReviewStep.Refused r -> new ReviewResult.Refused(r.rule(), r.message());
            case ReviewStep.Done done -> {
                append(done, actor, context);
                yield recorded(done.exemptionId(), done.action().name().toLowerCase() + " recorded for " + done.exemptionId());
            }
        };
    }

    private AuditEntry append(ReviewStep.Done done, String actor, String context) {
        return log.append(new AuditRecord(now(), actor, done.action(), done.exemptionId(), context, done.comment(),
                done.before().isEmpty() ? "" : YamlWriter.write(done.before()), YamlWriter.write(done.after())));
    }

    private ReviewResult recorded(String id, String message) {
        return new ReviewResult.Recorded(find(id).orElseThrow(), message);
    }

    private ReviewResult withCase(String id, Function<ReviewCase, ReviewResult> action) {
        return find(id).<ReviewResult>map(action).orElseGet(() -> new ReviewResult.Refused(
                dev.waiver.engine.review.ReviewRule.UNKNOWN_ID, "no request or exception with id " + id));
    }

    private Instant now() {
        return clock.instant();
    }

    static Map<String, Object> parse(String yaml) {
        var read = YamlDocuments.readString("audit entry", yaml);
        return read.documents().isEmpty() ? Map.of() : read.documents().getFirst().tree();
    }
}
