package dev.waiver.app.export;

import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditHead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/// What an export carries: the log's entries, its head (so a copy can be checked later against a head
/// kept elsewhere), when it was made, and any further sections (the register, metrics) in the order given.
public record AuditExport(Instant generatedAt, List<AuditEntry> entries, AuditHead head, List<ExportSection> sections) {

    public AuditExport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        entries = List.copyOf(entries);
        Objects.requireNonNull(head, "head");
        sections = List.copyOf(sections);
    }

    /// An export of these entries (a whole log, oldest first); the head is the newest entry's.
    public static AuditExport of(List<AuditEntry> entries, Instant generatedAt) {
        AuditHead head = entries.isEmpty() ? AuditHead.GENESIS : AuditHead.of(entries.getLast());
        return new AuditExport(generatedAt, entries, head, List.of());
    }

    /// The same export with one more section at the end.
    public AuditExport with(ExportSection section) {
        var more = new ArrayList<>(sections);
        more.add(section);
        return new AuditExport(generatedAt, entries, head, more);
    }

    public int count() {
        return entries.size();
    }
}
