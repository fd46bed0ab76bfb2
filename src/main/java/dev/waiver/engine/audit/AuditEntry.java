package dev.waiver.engine.audit;

/// A record as the log holds it: numbered from 1, chained to the entry before it.
/// `hash` is SHA-256 (lower-case hex) over the canonical encoding of seq, the record and `previousHash`;
/// the first entry's `previousHash` is 64 zeros.
public record AuditEntry(long seq, AuditRecord record, String previousHash, String hash) {
}
