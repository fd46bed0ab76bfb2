package dev.waiver.app.review;

import dev.waiver.engine.exemption.Durations;
import dev.waiver.engine.exemption.ExemptedCheck;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.ResourceFilter;
import dev.waiver.engine.exemption.StatusRules;
import dev.waiver.engine.review.ReviewCase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/// One line of the review queue: a case of Waiver's store, with the text of every column worked out once.
///
/// @param stage where the case stands in the process, which orders the queue
public record ReviewRow(
        ReviewCase reviewCase,
        Stage stage,
        ExemptionStatus status,
        String exception,
        String checks,
        String namespaces,
        String requestor,
        String reason,
        String ticket,
        String requested,
        String ends,
        String approvals) {

    /// What the case waits for. The first three need someone; a settled case only shows when asked for.
    public enum Stage {
        IN_REVIEW("Waiting for a decision"),
        APPROVED("Approved, not applied yet"),
        AWAITING_REMOVAL("Ended, still applied: remove it"),
        SETTLED("Nothing to do");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean needsAction() {
            return this != SETTLED;
        }
    }

    static final String NONE = "—";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /// In Review first, then approved but not applied, then ended but still applied; oldest request first
    /// within each, since the one waiting longest is the one to take next.
    public static final Comparator<ReviewRow> QUEUE_ORDER = Comparator.comparing(ReviewRow::stage)
            .thenComparing(r -> r.reviewCase().requestedAt()).thenComparing(ReviewRow::id);

    public static ReviewRow of(ReviewCase c, int approvalsNeeded, Instant now) {
        Exemption e = c.exemption();
        // One exemption per row: deriving it parses the object.
        ExemptionStatus status = StatusRules.statusAt(e, now);
        var j = e.justification();
        return new ReviewRow(c, stageOf(c, status), status, e.qualifiedName(), checks(e.checks()), namespaces(e),
                orNone(j.requestor()), orNone(j.reason()), orNone(j.ticket()), DATE.format(c.requestedAt()),
                e.expiry().shownEnd().map(end -> DATE.format(end) + " · " + Durations.until(end, now)).orElse(NONE),
                c.approvals().size() + " of " + approvalsNeeded);
    }

    public String id() {
        return reviewCase.id();
    }

    public boolean needsAction() {
        return stage.needsAction();
    }

    public String statusText() {
        return status.label() + (reviewCase.removed() ? " (removed)" : "");
    }

    static Stage stageOf(ReviewCase c, ExemptionStatus status) {
        if (c.removed()) {
            return Stage.SETTLED;
        }
        boolean applied = c.appliedTo().isPresent();
        return switch (status) {
            case IN_REVIEW -> Stage.IN_REVIEW;
            case ACTIVE, INACTIVE -> applied ? Stage.SETTLED : Stage.APPROVED;
            case EXPIRED, REVOKED -> applied ? Stage.AWAITING_REMOVAL : Stage.SETTLED;
            case REJECTED -> Stage.SETTLED;
        };
    }

    /// `policy: rule (+ autogen)`: the generated rules a request adds for Pod controllers are implied.
    static String checks(List<ExemptedCheck> checks) {
        return checks.stream().map(c -> {
            var own = c.rules().stream().filter(r -> !r.startsWith("autogen-")).toList();
            String generated = own.size() < c.rules().size() ? " (+ autogen)" : "";
            return c.rules().isEmpty() ? c.policy() : c.policy() + ": " + String.join(", ", own) + generated;
        }).collect(Collectors.joining("; "));
    }

    static String namespaces(Exemption e) {
        var all = new LinkedHashSet<String>();
        for (ResourceFilter f : e.scope().filters()) {
            all.addAll(f.namespaces());
        }
        return all.isEmpty() ? "every namespace" : String.join(", ", all);
    }

    static String orNone(Optional<String> text) {
        return text.filter(t -> !t.isBlank()).orElse(NONE);
    }
}
