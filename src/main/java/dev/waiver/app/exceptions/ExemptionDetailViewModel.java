package dev.waiver.app.exceptions;

import dev.waiver.app.ui.Selection;
import dev.waiver.engine.exemption.Decision;
import dev.waiver.engine.exemption.ExemptedCheck;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Expiry;
import dev.waiver.engine.exemption.Finding;
import dev.waiver.engine.exemption.RegisterEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Everything known about the selected exception, as text ready to show. It follows the shared
/// [Selection] and never talks to the list, so either side can change alone.
public final class ExemptionDetailViewModel {

    private final Clock clock;
    private final YamlRenderer yamlRenderer;

    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(this, "present");
    private final ReadOnlyObjectWrapper<ExemptionStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper name = text("name");
    private final ReadOnlyStringWrapper namespace = text("namespace");
    private final ReadOnlyStringWrapper statusText = text("statusText");
    private final ReadOnlyStringWrapper source = text("source");
    private final ReadOnlyStringWrapper context = text("context");
    private final ReadOnlyStringWrapper origin = text("origin");
    private final ReadOnlyStringWrapper checks = text("checks");
    private final ReadOnlyStringWrapper checkType = text("checkType");
    private final ReadOnlyStringWrapper matches = text("matches");
    private final ReadOnlyStringWrapper requestor = text("requestor");
    private final ReadOnlyStringWrapper reason = text("reason");
    private final ReadOnlyStringWrapper ticket = text("ticket");
    private final ReadOnlyStringWrapper approver = text("approver");
    private final ReadOnlyStringWrapper decision = text("decision");
    private final ReadOnlyStringWrapper riskAcceptance = text("riskAcceptance");
    private final ReadOnlyStringWrapper created = text("created");
    private final ReadOnlyStringWrapper starts = text("starts");
    private final ReadOnlyStringWrapper expires = text("expires");
    private final ReadOnlyStringWrapper expiryNote = text("expiryNote");
    private final ReadOnlyStringWrapper renewals = text("renewals");
    private final ReadOnlyStringWrapper yaml = text("yaml");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);

    public ExemptionDetailViewModel(Selection<RegisterEntry> selection, YamlRenderer yamlRenderer, Clock clock) {
        this.yamlRenderer = yamlRenderer;
        this.clock = clock;
        selection.selectedProperty().addListener((obs, old, entry) -> show(entry));
        show(selection.get().orElse(null));
    }

    private ReadOnlyStringWrapper text(String property) {
        return new ReadOnlyStringWrapper(this, property, "");
    }

    private void show(RegisterEntry entry) {
        present.set(entry != null);
        if (entry == null) {
            status.set(null);
            List.of(name, namespace, statusText, source, context, origin, checks, checkType, matches, requestor, reason, ticket,
                    approver, decision, riskAcceptance, created, starts, expires, expiryNote, renewals, yaml)
                    .forEach(p -> p.set(""));
            findings.clear();
            return;
        }
        Instant now = clock.instant();
        Exemption e = entry.exemption();
        status.set(entry.status());
        statusText.set(entry.status().label());
        name.set(e.name());
        namespace.set(e.namespace().isEmpty() ? "(cluster-wide)" : e.namespace());
        source.set(e.source().label());
        context.set(e.source().context().orElse(""));
        origin.set(Formats.orNone(e.origin()));
        checks.set(String.join("\n", e.checks().stream().map(ExemptionDetailViewModel::checkLine).toList()));
        checkType.set(entry.checkTypeText());
        matches.set((e.scope().requireAll() ? "all of: " : "") + e.scope().describe());
        var j = e.justification();
        requestor.set(Formats.orNone(j.requestor()));
        reason.set(Formats.orNone(j.reason()));
        ticket.set(Formats.orNone(j.ticket()));
        riskAcceptance.set(Formats.orNone(j.riskAcceptance()));
        approver.set(Formats.orNone(e.decision().approvedBy()));
        decision.set(decisionText(e.decision()));
        created.set(Formats.dateTime(e.created(), now));
        Expiry x = e.expiry();
        starts.set(Formats.dateTime(x.conditions().start().or(() -> x.conditions().intendedStart()), now));
        expires.set(Formats.dateTime(entry.shownEnd(), now));
        expiryNote.set(expiryNote(x));
        renewals.set(Integer.toString(e.decision().renewals()));
        var sorted = new ArrayList<>(entry.findings());
        sorted.sort(Comparator.comparing(f -> f.code().severity()));
        findings.setAll(sorted);
        yaml.set(renderYaml(e));
    }

    private static String checkLine(ExemptedCheck c) {
        return c.policy() + (c.rules().isEmpty() ? "" : "  →  " + String.join(", ", c.rules()));
    }

    private String renderYaml(Exemption e) {
        return yamlRenderer.renderOrExplain(e.document().thaw());
    }

    /// What decided the exception's fate beyond approval: rejection, revocation, switch-off, pending review.
    static String decisionText(Decision d) {
        var parts = new ArrayList<String>();
        d.requestId().ifPresent(id -> parts.add("request " + id));
        if (d.awaitingReview()) {
            parts.add("awaiting review");
        }
        d.approvedBy().ifPresent(by -> parts.add("approved by " + by));
        d.rejectedBy().ifPresent(by -> parts.add("rejected by " + by
                + d.rejectionReason().map(r -> ": " + r).orElse("")));
        d.revokedBy().ifPresent(by -> parts.add("revoked by " + by));
        d.revokedAt().ifPresent(at -> parts.add("revoked at " + Formats.date(at)));
        if (d.disabled()) {
            parts.add("switched off (waiver.dev/disabled)");
        }
        return parts.isEmpty() ? Formats.NONE : String.join("; ", parts);
    }

    /// Whether the cluster itself will end the exception, which is what a reviewer needs to trust a date.
    static String expiryNote(Expiry x) {
        if (x.conditions().neverHonoured()) {
            return "Never honoured: a condition can never be true (" + String.join("; ", x.conditions().neverTrue()) + ")";
        }
        if (x.conditions().end().isPresent()) {
            return "Enforced by the cluster: time condition";
        }
        if (x.cleanupAt().isPresent()) {
            return "Enforced by Kyverno cleanup (cleanup.kyverno.io/ttl)";
        }
        if (x.annotated().isPresent()) {
            return "Not enforced: only the waiver.dev/expires annotation says so";
        }
        return "No expiry: honoured until removed";
    }

    public ReadOnlyBooleanProperty presentProperty() { return present.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ExemptionStatus> statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusTextProperty() { return statusText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }
    public ReadOnlyStringProperty namespaceProperty() { return namespace.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sourceProperty() { return source.getReadOnlyProperty(); }
    /// The kubeconfig context the exception was read from or applied to; empty when it has none.
    public ReadOnlyStringProperty contextProperty() { return context.getReadOnlyProperty(); }
    public ReadOnlyStringProperty originProperty() { return origin.getReadOnlyProperty(); }
    public ReadOnlyStringProperty checksProperty() { return checks.getReadOnlyProperty(); }
    public ReadOnlyStringProperty checkTypeProperty() { return checkType.getReadOnlyProperty(); }
    public ReadOnlyStringProperty matchesProperty() { return matches.getReadOnlyProperty(); }
    public ReadOnlyStringProperty requestorProperty() { return requestor.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reasonProperty() { return reason.getReadOnlyProperty(); }
    public ReadOnlyStringProperty ticketProperty() { return ticket.getReadOnlyProperty(); }
    public ReadOnlyStringProperty approverProperty() { return approver.getReadOnlyProperty(); }
    public ReadOnlyStringProperty decisionProperty() { return decision.getReadOnlyProperty(); }
    public ReadOnlyStringProperty riskAcceptanceProperty() { return riskAcceptance.getReadOnlyProperty(); }
    public ReadOnlyStringProperty createdProperty() { return created.getReadOnlyProperty(); }
    public ReadOnlyStringProperty startsProperty() { return starts.getReadOnlyProperty(); }
    public ReadOnlyStringProperty expiresProperty() { return expires.getReadOnlyProperty(); }
    public ReadOnlyStringProperty expiryNoteProperty() { return expiryNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty renewalsProperty() { return renewals.getReadOnlyProperty(); }
    public ReadOnlyStringProperty yamlProperty() { return yaml.getReadOnlyProperty(); }

    /// Findings, most severe first.
    public ObservableList<Finding> findings() {
        return findingsView;
    }
}
