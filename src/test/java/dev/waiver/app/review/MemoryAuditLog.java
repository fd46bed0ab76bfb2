package dev.waiver.app.review;

import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.ports.AuditLog;
import java.util.ArrayList;
import java.util.List;

/// An audit log in memory, for workflow tests that are about decisions rather than storage.
public final class MemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public AuditEntry append(AuditRecord record) {
        var entry = new AuditEntry(entries.size() + 1, record, "", "");
        entries.add(entry);
        return entry;
    }

    @Override
    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
