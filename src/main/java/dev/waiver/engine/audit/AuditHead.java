package dev.waiver.engine.audit;

import java.util.HexFormat;
import java.util.Objects;

/// The newest entry of a chain, by number and hash: what an export carries and what the log keeps beside
/// itself, so a copy or a shortened log can be checked against it later. An empty chain's head is
/// [#GENESIS]: seq 0 and the hash the first entry links to.
public record AuditHead(long seq, String hash) {

    public static final AuditHead GENESIS = new AuditHead(0, AuditChain.GENESIS_HASH);

    public AuditHead {
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
        if (!isHash(hash)) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        if (seq == 0 && !hash.equals(AuditChain.GENESIS_HASH)) {
            throw new IllegalArgumentException("an empty chain's head hash is 64 zeros");
        }
    }

    public static AuditHead of(AuditEntry entry) {
        return new AuditHead(entry.seq(), entry.hash());
    }

    /// True for 64 lower-case hex digits, the only form the chain writes.
    public static boolean isHash(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!HexFormat.isHexDigit(c) || Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return seq + " " + hash;
    }
}
