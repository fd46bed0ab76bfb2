package dev.waiver.engine.audit;

import java.util.Optional;
import java.util.function.Supplier;

/// Checks a chain one entry at a time, oldest first, so a store can stream millions of rows through it
/// without holding them. Stops at the first flaw: later entries cannot be trusted to say anything.
public final class ChainVerifier {

    private final AuditChain chain = new AuditChain();
    private final Optional<AuditHead> expectedHead;
    private long count;
    private String lastHash;
    private ChainVerdict.Altered altered;

    /// Checks a chain from its first entry.
    public ChainVerifier(Optional<AuditHead> expectedHead) {
        this(AuditHead.GENESIS, expectedHead);
    }

    /// Checks the part of a chain that follows `start` (an entry checked by someone else), so that parts of
    /// a long chain can be checked side by side: the first entry must be start.seq + 1 and link to
    /// start.hash. [ChainVerdict.Intact#count()] is then the last entry's number.
    public ChainVerifier(AuditHead start, Optional<AuditHead> expectedHead) {
        this.count = start.seq();
        this.lastHash = start.hash();
        this.expectedHead = expectedHead;
    }

    /// Takes the next entry; false once the chain is known to be altered (further entries are ignored).
    public boolean accept(AuditEntry entry) {
        return check(entry.seq(), entry.previousHash(), entry.hash(),
                () -> chain.hash(entry.seq(), entry.record(), entry.previousHash()));
    }

    /// Takes the next entry as its store holds it, without decoding it; only for fields that pass
    /// [AuditChain#isStoredForm] (decode the others and use [#accept(AuditEntry)]).
    public boolean acceptStored(long seq, byte[][] storedFields, String previousHash, String hash) {
        return check(seq, previousHash, hash, () -> chain.hash(seq, storedFields, previousHash));
    }

    private boolean check(long seq, String previousHash, String hash, Supplier<String> recomputed) {
        if (altered != null) {
            return false;
        }
        long expected = count + 1;
        if (seq > expected) {
            return fail(expected, ChainVerdict.Flaw.MISSING_ENTRY, count == 0
                    ? "the log starts at entry " + seq + ": entries before it are missing"
                    : "missing: entry " + count + " is followed by entry " + seq);
        }
        if (seq < expected) {
            return fail(expected, ChainVerdict.Flaw.OUT_OF_ORDER, "entry " + seq + " appears again after entry "
                    + count + ": an entry was inserted or moved");
        }
        if (!previousHash.equals(lastHash)) {
            return fail(expected, ChainVerdict.Flaw.BROKEN_LINK, expected == 1
                    ? "the first entry does not start the chain (its previous hash is not 64 zeros)"
                    : "it does not link to entry " + count + " (its previous hash differs from that entry's hash)");
        }
        if (!recomputed.get().equals(hash)) {
            return fail(expected, ChainVerdict.Flaw.CONTENT_CHANGED,
                    "its content does not match its hash: a field or the hash was changed");
        }
        if (expectedHead.isPresent() && expectedHead.get().seq() == expected
                && !expectedHead.get().hash().equals(hash)) {
            return fail(expected, ChainVerdict.Flaw.HEAD_MISMATCH, "its hash differs from the head recorded for it ("
                    + expectedHead.get().hash() + "): the chain was rewritten up to here");
        }
        count = expected;
        lastHash = hash;
        return true;
    }

    /// Records an entry the store could not turn into an [AuditEntry] (say, a time that is not a time).
    public boolean reject(long seq, String what) {
        if (altered == null) {
            fail(seq, ChainVerdict.Flaw.UNREADABLE, what);
        }
        return false;
    }

    /// The number of the last entry that checked out (the start's while none has).
    public long lastSeq() {
        return count;
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
