package dev.waiver.engine.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/// Which entries to show: each present criterion must hold. `since` is inclusive, `until` exclusive, so
/// consecutive windows never show an entry twice.
public record AuditQuery(Optional<String> actor, Optional<AuditAction> action, Optional<String> exemptionId,
                         Optional<Instant> since, Optional<Instant> until) {

    public AuditQuery {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(exemptionId, "exemptionId");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }

    public static AuditQuery all() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public AuditQuery withActor(String value) {
        return new AuditQuery(Optional.of(value), action, exemptionId, since, until);
    }

    public AuditQuery withAction(AuditAction value) {
        return new AuditQuery(actor, Optional.of(value), exemptionId, since, until);
    }

    public AuditQuery withExemptionId(String value) {
        return new AuditQuery(actor, action, Optional.of(value), since, until);
    }

    public AuditQuery withSince(Instant value) {
        return new AuditQuery(actor, action, exemptionId, Optional.of(value), until);
    }

    public AuditQuery withUntil(Instant value) {
        return new AuditQuery(actor, action, exemptionId, since, Optional.of(value));
    }

    public boolean matches(AuditRecord record) {
        return actor.map(record.actor()::equals).orElse(true)
                && action.map(a -> a == record.action()).orElse(true)
                && exemptionId.map(record.exemptionId()::equals).orElse(true)
                && since.map(s -> !record.time().isBefore(s)).orElse(true)
                && until.map(u -> record.time().isBefore(u)).orElse(true);
    }
}
