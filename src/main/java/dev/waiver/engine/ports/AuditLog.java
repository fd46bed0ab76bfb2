package dev.waiver.engine.ports;

import dev.waiver.engine.audit.AuditChain;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditHead;
import dev.waiver.engine.audit.AuditQuery;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.ChainVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// The append-only, hash-chained record of every decision. The engine decides; the log remembers.
/// Failures are [AuditLogException]s, whose message is fit to show as is.
public interface AuditLog {

    /// Appends durably: when this returns, the entry survives a crash. Refuses (throws) rather than
    /// half-writing.
    AuditEntry append(AuditRecord record);

    /// Appends several records as one durable step: all of them or none.
    default List<AuditEntry> appendAll(List<AuditRecord> records) {
        var appended = new ArrayList<AuditEntry>(records.size());
        for (AuditRecord record : records) {
            appended.add(append(record));
        }
        return appended;
    }

    /// Every entry, oldest first.
    List<AuditEntry> entries();

    /// The entries a query selects, oldest first.
    default List<AuditEntry> entries(AuditQuery query) {
        return entries().stream().filter(e -> query.matches(e.record())).toList();
    }

    /// The newest entry's number and hash; [AuditHead#GENESIS] while the log is empty.
    default AuditHead head() {
        List<AuditEntry> all = entries();
        return all.isEmpty() ? AuditHead.GENESIS : AuditHead.of(all.getLast());
    }

    /// Recomputes the whole chain, and checks it against the head kept outside the log where there is one.
    default ChainVerdict verify() {
        return AuditChain.verify(entries(), Optional.empty());
    }
}
