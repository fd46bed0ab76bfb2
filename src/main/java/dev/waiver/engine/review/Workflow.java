package dev.waiver.engine.review;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.PolicySummary;
import dev.waiver.engine.exemption.TimeConditions;
import dev.waiver.engine.exemption.WaiverAnnotations;
import dev.waiver.engine.tree.Trees;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/// The review process as rules: request → review → approve/reject → apply → renew/revoke → remove.
///
/// Each step takes the case as the log knows it and answers with what to record (the object before and
/// after) or the rule it breaks. Nothing here writes anywhere: the caller records a `Done` step in the
/// audit log first, then carries it out, so a decision is on record before it takes effect.
public final class Workflow {

    private final ReviewSettings settings;

    public Workflow(ReviewSettings settings) {
        this.settings = settings;
    }

    public ReviewSettings settings() {
        return settings;
    }

    public ReviewStep request(RequestForm form, String requestId, Optional<PolicySummary> policy, Instant now) {
        if (form.requestor().isEmpty()) {
            return missing("a request needs the requestor (--as)");
        }
        if (form.policy().isEmpty()) {
            return missing("a request needs the policy it exempts from");
        }
        if (form.namespaces().isEmpty()) {
            return missing("a request needs at least one namespace it matches");
        }
        if (form.reason().isEmpty()) {
            return missing("a request needs a justification (--reason)");
        }
        var dates = checkWindow(form.starts().orElse(now), form.expires(), now);
        if (dates.isPresent()) {
            return dates.get();
        }
        var object = PolicyExceptionTrees.newRequest(form, requestId, policy);
        return new ReviewStep.Done(AuditAction.REQUEST, requestId, Map.of(), object, form.reason());
    }

    /// A temporary exception Waiver drafts for a new failure under a grace-period policy: a request like
    /// any other, recorded as a draft so the log tells it apart from a person's request.
    public ReviewStep draft(RequestForm form, String requestId, Optional<PolicySummary> policy, Instant now) {
        return switch (request(form, requestId, policy, now)) {
            case ReviewStep.Done done -> new ReviewStep.Done(AuditAction.DRAFT, done.exemptionId(), done.before(),
                    done.after(), done.comment());
            case ReviewStep.Refused refused -> refused;
        };
    }

    public ReviewStep approve(ReviewCase c, String actor, String comment, Optional<String> riskAcceptance, Instant now) {
        if (actor.isBlank()) {
            return missing("an approval needs the reviewer (--as)");
        }
        if (c.statusAt(now) != ExemptionStatus.IN_REVIEW) {
            return wrongState(c, now, "only a request In Review can be approved");
        }
        if (c.requestor().filter(actor::equalsIgnoreCase).isPresent()) {
            return new ReviewStep.Refused(ReviewRule.SELF_APPROVAL, actor + " requested " + c.id() + " and may not approve it");
        }
        if (c.approvals().stream().anyMatch(actor::equalsIgnoreCase)) {
            return new ReviewStep.Refused(ReviewRule.ALREADY_APPROVED, actor + " has already approved " + c.id()
                    + "; it needs " + settings.approvalsNeeded() + " different reviewers");
        }
        var dates = checkWindow(now, endOf(c).orElse(now), now);
        if (dates.isPresent()) {
            return dates.get();
        }
        var after = c.object();
        if (c.approvals().size() + 1 >= settings.approvalsNeeded()) {
            var approvers = new java.util.TreeSet<>(c.approvals());
            approvers.add(actor);
            after = PolicyExceptionTrees.withAnnotation(after, WaiverAnnotations.APPROVED_BY, String.join(", ", approvers));
            after = PolicyExceptionTrees.withAnnotation(after, WaiverAnnotations.APPROVED_AT, PolicyExceptionTrees.rfc3339(now));
        }
        if (riskAcceptance.isPresent() && !riskAcceptance.get().isBlank()) {
            after = PolicyExceptionTrees.withAnnotation(after, WaiverAnnotations.RISK_ACCEPTANCE, riskAcceptance.get().strip());
        }
        return new ReviewStep.Done(AuditAction.APPROVE, c.id(), c.object(), after, comment);
    }

    public ReviewStep reject(ReviewCase c, String actor, String comment, Instant now) {
        if (actor.isBlank() || comment.isBlank()) {
            return missing("a rejection needs the reviewer (--as) and a reason (--comment)");
        }
        if (c.statusAt(now) != ExemptionStatus.IN_REVIEW) {
            return wrongState(c, now, "only a request In Review can be rejected");
        }
        var after = PolicyExceptionTrees.withAnnotation(c.object(), WaiverAnnotations.REJECTED_BY, actor);
        after = PolicyExceptionTrees.withAnnotation(after, WaiverAnnotations.REJECTION_REASON, comment.strip());
        return new ReviewStep.Done(AuditAction.REJECT, c.id(), c.object(), after, comment);
    }

    /// Applying needs an approved exception that has not ended. The object written always carries the
    /// working time condition, so the cluster stops honouring it at its end even if nobody opens Waiver.
    public ReviewStep apply(ReviewCase c, String actor, Instant now) {
        if (actor.isBlank()) {
            return missing("applying needs the actor (--as)");
        }
        var status = c.statusAt(now);
        if (status == ExemptionStatus.IN_REVIEW || status == ExemptionStatus.REJECTED || status == ExemptionStatus.REVOKED) {
            return wrongState(c, now, "only an approved exception can be applied");
        }
        if (status == ExemptionStatus.EXPIRED) {
            return wrongState(c, now, "it has already ended; renew it first");
        }
        var end = endOf(c);
        if (end.isEmpty()) {
            return wrongState(c, now, "it has no end date");
        }
        var after = PolicyExceptionTrees.withWindow(c.object(), startOf(c), end.get());
        return new ReviewStep.Done(AuditAction.APPLY, c.id(), c.object(), after, "");
    }

    /// A renewal is a reviewer's decision: a new end and a new justification, counted on the object.
    public ReviewStep renew(ReviewCase c, String actor, Duration length, String reason, Instant now) {
        if (actor.isBlank() || reason.isBlank()) {
            return missing("a renewal needs the reviewer (--as) and a new justification (--reason)");
        }
        var status = c.statusAt(now);
        if (status != ExemptionStatus.ACTIVE && status != ExemptionStatus.EXPIRED && status != ExemptionStatus.INACTIVE) {
            return wrongState(c, now, "only an approved exception can be renewed");
        }
        if (c.removed()) {
            return wrongState(c, now, "it was removed; request a new one");
        }
        if (c.requestor().filter(actor::equalsIgnoreCase).isPresent()) {
            return new ReviewStep.Refused(ReviewRule.SELF_APPROVAL, actor + " requested " + c.id() + " and may not renew it");
        }
        Instant end = now.plus(length);
        var dates = checkWindow(now, end, now);
        if (dates.isPresent()) {
            return dates.get();
        }
        int renewals = c.exemption().decision().renewals() + 1;
        var after = PolicyExceptionTrees.withWindow(c.object(), Optional.empty(), end);
        after = PolicyExceptionTrees.withAnnotation(after, WaiverAnnotations.REASON, reason.strip());
        after = PolicyExceptionTrees.withAnnotation(after, WaiverAnnotations.RENEWALS, Integer.toString(renewals));
        return new ReviewStep.Done(AuditAction.RENEW, c.id(), c.object(), after, reason);
    }

    /// Revoking ends the exception now: the time condition moves to now, so the cluster stops honouring it too.
    public ReviewStep revoke(ReviewCase c, String actor, String comment, Instant now) {
        if (actor.isBlank() || comment.isBlank()) {
            return missing("a revocation needs the reviewer (--as) and a reason (--comment)");
        }
        var status = c.statusAt(now);
        if (status != ExemptionStatus.ACTIVE && status != ExemptionStatus.INACTIVE) {
            return wrongState(c, now, "only an approved exception that has not ended can be revoked");
        }
        var after = PolicyExceptionTrees.withWindow(c.object(), Optional.empty(), now);
        after = PolicyExceptionTrees.withAnnotation(after, WaiverAnnotations.REVOKED_BY, actor);
        after = PolicyExceptionTrees.withAnnotation(after, WaiverAnnotations.REVOKED_AT, PolicyExceptionTrees.rfc3339(now));
        after = PolicyExceptionTrees.withAnnotation(after, WaiverAnnotations.REVOCATION_REASON, comment.strip());
        return new ReviewStep.Done(AuditAction.REVOKE, c.id(), c.object(), after, comment);
    }

    /// Removal deletes an applied exception that no longer counts: ended, revoked. An active one is revoked first.
    public ReviewStep remove(ReviewCase c, String actor, Instant now) {
        if (actor.isBlank()) {
            return missing("removing needs the actor (--as)");
        }
        if (c.appliedTo().isEmpty() || c.removed()) {
            return wrongState(c, now, c.removed() ? "it was already removed" : "it was never applied");
        }
        var status = c.statusAt(now);
        if (status == ExemptionStatus.ACTIVE) {
            return wrongState(c, now, "it is still active; revoke it first");
        }
        return new ReviewStep.Done(AuditAction.REMOVE, c.id(), c.object(), c.object(), "");
    }

    public ReviewStep escalate(ReviewCase c, String actor, String comment, Instant now) {
        if (actor.isBlank() || comment.isBlank()) {
            return missing("an escalation needs the actor (--as) and a comment (--comment)");
        }
        var status = c.statusAt(now);
        if (status == ExemptionStatus.REJECTED || c.removed()) {
            return wrongState(c, now, "a rejected or removed exception cannot be escalated");
        }
        var after = PolicyExceptionTrees.withAnnotation(c.object(), WaiverAnnotations.ESCALATED, "true");
        return new ReviewStep.Done(AuditAction.ESCALATE, c.id(), c.object(), after, comment);
    }

    /// Rewrites an exception whose time condition can never hold into the working form, keeping the dates
    /// its author meant.
    public ReviewStep repair(String id, Map<String, Object> object, String actor, Instant now) {
        var terms = TimeConditions.read(Trees.at(object, "spec", "conditions").orElse(null));
        if (!terms.neverHonoured()) {
            return new ReviewStep.Refused(ReviewRule.WRONG_STATE, id + " has no broken time condition to repair");
        }
        if (terms.intendedEnd().isEmpty()) {
            return new ReviewStep.Refused(ReviewRule.WRONG_STATE, id + ": the broken condition names no end date to keep");
        }
        var after = PolicyExceptionTrees.withWindow(object, terms.intendedStart(), terms.intendedEnd().get());
        return new ReviewStep.Done(AuditAction.REPAIR, id, object, after,
                "rewrote " + String.join("; ", terms.neverTrue()) + " as time_before");
    }

    private Optional<ReviewStep> checkWindow(Instant start, Instant end, Instant now) {
        if (!end.isAfter(now) || !end.isAfter(start)) {
            return Optional.of(new ReviewStep.Refused(ReviewRule.BAD_DATES,
                    "the end " + PolicyExceptionTrees.rfc3339(end) + " must be after the start and in the future"));
        }
        Duration length = Duration.between(start.isAfter(now) ? start : now, end);
        if (length.compareTo(settings.maxDuration()) > 0) {
            return Optional.of(new ReviewStep.Refused(ReviewRule.OVER_MAXIMUM, "asked for " + days(length)
                    + ", the maximum is " + days(settings.maxDuration())));
        }
        return Optional.empty();
    }

    private static Optional<Instant> endOf(ReviewCase c) {
        var expiry = c.exemption().expiry();
        return expiry.conditions().end().or(() -> expiry.conditions().intendedEnd()).or(expiry::annotated);
    }

    private static Optional<Instant> startOf(ReviewCase c) {
        var conditions = c.exemption().expiry().conditions();
        return conditions.start().or(conditions::intendedStart);
    }

    private static String days(Duration d) {
        long hours = d.toHours();
        return hours % 24 == 0 ? (hours / 24) + " days" : String.format("%.1f days", hours / 24.0);
    }

    private static ReviewStep missing(String message) {
        return new ReviewStep.Refused(ReviewRule.MISSING_FIELD, message);
    }

    private static ReviewStep wrongState(ReviewCase c, Instant now, String why) {
        return new ReviewStep.Refused(ReviewRule.WRONG_STATE, c.id() + " is " + c.statusAt(now).label()
                + (c.removed() ? " (removed)" : "") + ": " + why);
    }
}
