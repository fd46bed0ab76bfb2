package dev.waiver.engine.audit;

import java.util.Optional;

/// Checks a chain one entry at a time, oldest first, so a store can stream millions of rows through it
/// without holding them. Stops at the first flaw: later entries cannot be trusted to say anything.
public final class ChainVerifier {

    private final AuditChain chain = new AuditChain();
    private final Optional<AuditHead> expectedHead;
    private long count;
    private String lastHash = AuditChain.GENESIS_HASH;
    private ChainVerdict.Altered altered;

    public ChainVerifier(Optional<AuditHead> expectedHead) {
        this.expectedHead = expectedHead;
    }

    /// Takes the next entry; false once the chain is known to be altered (further entries are ignored).
    public boolean accept(AuditEntry entry) {
        if (altered != null) {
            return false;
        }
        long expected = count + 1;
        if (entry.seq() > expected) {
            return fail(expected, ChainVerdict.Flaw.MISSING_ENTRY, count == 0
                    ? "the log starts at entry " + entry.seq() + ": entries before it are missing"
                    : "missing: entry " + count + " is followed by entry " + entry.seq());
        }
        if (entry.seq() < expected) {
            return fail(expected, ChainVerdict.Flaw.OUT_OF_ORDER, "entry " + entry.seq() + " appears again after entry "
                    + count + ": an entry was inserted or moved");
        }
        if (!entry.previousHash().equals(lastHash)) {
            return fail(expected, ChainVerdict.Flaw.BROKEN_LINK, expected == 1
                    ? "the first entry does not start the chain (its previous hash is not 64 zeros)"
                    : "it does not link to entry " + count + " (its previous hash differs from that entry's hash)");
        }
        if (!chain.hash(entry.seq(), entry.record(), entry.previousHash()).equals(entry.hash())) {
            return fail(expected, ChainVerdict.Flaw.CONTENT_CHANGED,
                    "its content does not match its hash: a field or the hash was changed");
        }
        if (expectedHead.isPresent() && expectedHead.get().seq() == expected
                && !expectedHead.get().hash().equals(entry.hash())) {
            return fail(expected, ChainVerdict.Flaw.HEAD_MISMATCH, "its hash differs from the head recorded for it ("
                    + expectedHead.get().hash() + "): the chain was rewritten up to here");
        }
        count = expected;
        lastHash = entry.hash();
        return true;
    }

    /// Records an entry the store could not turn into an [AuditEntry] (say, a time that is not a time).
    public boolean reject(long seq, String what) {
        if (altered == null) {
            fail(seq, ChainVerdict.Flaw.UNREADABLE, what);
        }
        return false;
    }

    public ChainVerdict verdict() {
        if (altered != null) {
            return altered;
        }
        if (expectedHead.isPresent() && expectedHead.get().seq() > count) {
            return new ChainVerdict.Truncated(count, lastHash, expectedHead.get());
        }
        return new ChainVerdict.Intact(count, lastHash);
    }

    private boolean fail(long seq, ChainVerdict.Flaw flaw, String what) {
        altered = new ChainVerdict.Altered(seq, flaw, what);
        return false;
    }
}
