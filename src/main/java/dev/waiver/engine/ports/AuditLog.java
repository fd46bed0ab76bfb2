package dev.waiver.engine.ports;

import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import java.util.List;

/// The append-only, hash-chained record of every decision. The engine decides; the log remembers.
public interface AuditLog {

    /// Appends durably: when this returns, the entry survives a crash. Refuses (throws) rather than
    /// half-writing.
    AuditEntry append(AuditRecord record);

    /// Every entry, oldest first.
    List<AuditEntry> entries();
}
