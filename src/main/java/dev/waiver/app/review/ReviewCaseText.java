package dev.waiver.app.review;

import dev.waiver.engine.exemption.Decision;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.StatusRules;
import dev.waiver.engine.review.ReviewCase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/// The selected case as text ready to show: part of [ReviewCaseViewModel], kept apart so the commands
/// there read on their own.
public final class ReviewCaseText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(this, "present");
    private final ReadOnlyObjectWrapper<ExemptionStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper id = text("id");
    private final ReadOnlyStringWrapper exception = text("exception");
    private final ReadOnlyStringWrapper statusText = text("statusText");
    private final ReadOnlyStringWrapper stage = text("stage");
    private final ReadOnlyStringWrapper checks = text("checks");
    private final ReadOnlyStringWrapper matches = text("matches");
    private final ReadOnlyStringWrapper requestor = text("requestor");
    private final ReadOnlyStringWrapper reason = text("reason");
    private final ReadOnlyStringWrapper ticket = text("ticket");
    private final ReadOnlyStringWrapper riskAcceptance = text("riskAcceptance");
    private final ReadOnlyStringWrapper requested = text("requested");
    private final ReadOnlyStringWrapper ends = text("ends");
    private final ReadOnlyStringWrapper approvals = text("approvals");
    private final ReadOnlyStringWrapper decision = text("decision");
    private final ReadOnlyStringWrapper appliedTo = text("appliedTo");
    private final ReadOnlyStringWrapper renewals = text("renewals");

    private ReadOnlyStringWrapper text(String name) {
        return new ReadOnlyStringWrapper(this, name, "");
    }

    void show(ReviewCase c, int approvalsNeeded, Instant now) {
        present.set(c != null);
        if (c == null) {
            status.set(null);
            List.of(id, exception, statusText, stage, checks, matches, requestor, reason, ticket, riskAcceptance,
                    requested, ends, approvals, decision, appliedTo, renewals).forEach(p -> p.set(""));
            return;
        }
        Exemption e = c.exemption();
        ExemptionStatus s = StatusRules.statusAt(e, now);
        status.set(s);
        id.set(c.id());
        exception.set(e.qualifiedName());
        statusText.set(s.label() + (c.removed() ? " (removed)" : ""));
        stage.set(ReviewRow.stageOf(c, s).label());
        checks.set(ReviewRow.checks(e.checks()));
        matches.set(e.scope().describe());
        var j = e.justification();
        requestor.set(ReviewRow.orNone(j.requestor()));
        reason.set(ReviewRow.orNone(j.reason()));
        ticket.set(ReviewRow.orNone(j.ticket()));
        riskAcceptance.set(ReviewRow.orNone(j.riskAcceptance()));
        requested.set(DATE_TIME.format(c.requestedAt()));
        ends.set(e.expiry().shownEnd().map(DATE_TIME::format).orElse(ReviewRow.NONE));
        approvals.set(c.approvals().size() + " of " + approvalsNeeded
                + (c.approvals().isEmpty() ? "" : ": " + String.join(", ", c.approvalsSorted())));
        decision.set(decisionText(e.decision()));
        appliedTo.set(c.appliedTo().map(ReviewCase.Target::recorded).orElse("not applied")
                + (c.removed() ? " (removed)" : ""));
        renewals.set(Integer.toString(e.decision().renewals()));
    }

    private static String decisionText(Decision d) {
        var parts = new ArrayList<String>();
        d.approvedBy().ifPresent(by -> parts.add("approved by " + by));
        d.rejectedBy().ifPresent(by -> parts.add("rejected by " + by + d.rejectionReason().map(r -> ": " + r).orElse("")));
        d.revokedBy().ifPresent(by -> parts.add("revoked by " + by));
        if (d.awaitingReview()) {
            parts.add("awaiting review");
        }
        return parts.isEmpty() ? ReviewRow.NONE : String.join("; ", parts);
    }

    public ReadOnlyBooleanProperty presentProperty() { return present.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ExemptionStatus> statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty idProperty() { return id.getReadOnlyProperty(); }
    public ReadOnlyStringProperty exceptionProperty() { return exception.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusTextProperty() { return statusText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stageProperty() { return stage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty checksProperty() { return checks.getReadOnlyProperty(); }
    public ReadOnlyStringProperty matchesProperty() { return matches.getReadOnlyProperty(); }
    public ReadOnlyStringProperty requestorProperty() { return requestor.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reasonProperty() { return reason.getReadOnlyProperty(); }
    public ReadOnlyStringProperty ticketProperty() { return ticket.getReadOnlyProperty(); }
    public ReadOnlyStringProperty riskAcceptanceProperty() { return riskAcceptance.getReadOnlyProperty(); }
    public ReadOnlyStringProperty requestedProperty() { return requested.getReadOnlyProperty(); }
    public ReadOnlyStringProperty endsProperty() { return ends.getReadOnlyProperty(); }
    public ReadOnlyStringProperty approvalsProperty() { return approvals.getReadOnlyProperty(); }
    public ReadOnlyStringProperty decisionProperty() { return decision.getReadOnlyProperty(); }
    public ReadOnlyStringProperty appliedToProperty() { return appliedTo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty renewalsProperty() { return renewals.getReadOnlyProperty(); }
}
