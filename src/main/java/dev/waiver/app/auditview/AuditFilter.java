package dev.waiver.app.auditview;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditBounds;
import dev.waiver.engine.audit.AuditQuery;
import java.time.LocalDate;
import java.util.Optional;

/// The Log tab's filters as the user set them, and the [AuditQuery] they stand for. Blank text and a null
/// action or date mean "any". Dates are whole days in UTC, read by [AuditBounds] as `waiver audit log
/// --since D --until D` reads them: `from` is inclusive from the start of its day, `to` to the end of its day.
public record AuditFilter(String actor, AuditAction action, String exemptionId, LocalDate from, LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter("", null, "", null, null);

    public AuditQuery query() {
        AuditQuery query = AuditQuery.all();
        Optional<String> who = present(actor);
        if (who.isPresent()) {
            query = query.withActor(who.get());
        }
        if (action != null) {
            query = query.withAction(action);
        }
        Optional<String> id = present(exemptionId);
        if (id.isPresent()) {
            query = query.withExemptionId(id.get());
        }
        if (from != null) {
            query = query.withSince(AuditBounds.since(from));
        }
        if (to != null) {
            query = query.withUntil(AuditBounds.until(to));
        }
        return query;
    }

    public boolean isEmpty() {
        return present(actor).isEmpty() && action == null && present(exemptionId).isEmpty() && from == null && to == null;
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty());
    }
}
