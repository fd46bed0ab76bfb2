package dev.waiver.engine.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/// Checks a chain one entry at a time, oldest first, so a store can stream millions of rows through it
/// without holding them. Stops at the first flaw: later entries cannot be trusted to say anything.
public final class ChainVerifier {

    private final AuditChain chain = new AuditChain();
    private final Optional<AuditHead> expectedHead;
    /// The recorded head's number (-1 when there is none) and hash in ASCII, to compare with stored bytes.
    private final long expectedSeq;
    private final byte[] expectedHash;
    private long count;
    /// The hash of entry `count` as 64 lower-case hex digits in ASCII: what the next entry must link to.
    private final byte[] lastHash;
    /// The hash recomputed for the entry being checked, in the same form.
    private final byte[] computed = new byte[64];
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
        this.lastHash = ascii(start.hash());
        this.expectedHead = expectedHead;
        this.expectedSeq = expectedHead.map(AuditHead::seq).orElse(-1L);
        this.expectedHash = expectedHead.map(h -> ascii(h.hash())).orElse(null);
    }

    /// Takes the next entry; false once the chain is known to be altered (further entries are ignored).
    public boolean accept(AuditEntry entry) {
        if (!inPlace(entry.seq())) {
            return false;
        }
        if (!sameHash(entry.previousHash(), lastHash)) {
            return brokenLink();
        }
        chain.hash(entry.seq(), entry.record(), lastHash, computed);
        if (!sameHash(entry.hash(), computed)) {
            return contentChanged();
        }
        return advance();
    }

    /// Takes the next entry as its store holds it, without decoding it: the eight fields and both hashes
    /// as their stored UTF-8 bytes. Only for fields that pass [AuditChain#isStoredForm] (decode the others
    /// and use [#accept(AuditEntry)]). For fields that are valid UTF-8 it finds what [#accept(AuditEntry)] finds
    /// for the decoded entry (other bytes are hashed as they are, where decoding would replace them).
    public boolean acceptStored(long seq, byte[][] storedFields, byte[] previousHash, byte[] hash) {
        if (!inPlace(seq)) {
            return false;
        }
        if (!Arrays.equals(previousHash, lastHash)) {
            return brokenLink();
        }
        chain.hash(seq, storedFields, lastHash, computed);
        if (!Arrays.equals(hash, computed)) {
            return contentChanged();
        }
        return advance();
    }

    /// True when `seq` is the number the chain expects next (and nothing was found yet).
    private boolean inPlace(long seq) {
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
        return true;
    }

    private boolean brokenLink() {
        long expected = count + 1;
        return fail(expected, ChainVerdict.Flaw.BROKEN_LINK, expected == 1
                ? "the first entry does not start the chain (its previous hash is not 64 zeros)"
                : "it does not link to entry " + count + " (its previous hash differs from that entry's hash)");
    }

    private boolean contentChanged() {
        return fail(count + 1, ChainVerdict.Flaw.CONTENT_CHANGED,
                "its content does not match its hash: a field or the hash was changed");
    }

    /// The entry in place checked out against its own hash (now in `computed`): checks it against the
    /// recorded head when that names it, and makes it the entry the next one must link to.
    private boolean advance() {
        long expected = count + 1;
        if (expected == expectedSeq && !Arrays.equals(expectedHash, computed)) {
            return fail(expected, ChainVerdict.Flaw.HEAD_MISMATCH, "its hash differs from the head recorded for it ("
                    + expectedHead.orElseThrow().hash() + "): the chain was rewritten up to here");
        }
        count = expected;
        System.arraycopy(computed, 0, lastHash, 0, lastHash.length);
        return true;
    }

    /// Whether a hash given as text is exactly the hash in `ascii` (64 hex digits).
    private static boolean sameHash(String text, byte[] ascii) {
        if (text.length() != ascii.length) {
            return false;
        }
        for (int i = 0; i < ascii.length; i++) {
            if (text.charAt(i) != ascii[i]) {
                return false;
            }
        }
        return true;
    }

    /// A head's hash (64 lower-case hex digits, checked by [AuditHead]) as ASCII bytes.
    private static byte[] ascii(String hash) {
        return hash.getBytes(StandardCharsets.US_ASCII);
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
        String head = new String(lastHash, StandardCharsets.US_ASCII);
        if (expectedHead.isPresent() && expectedHead.get().seq() > count) {
            return new ChainVerdict.Truncated(count, head, expectedHead.get());
        }
        return new ChainVerdict.Intact(count, head);
    }

    private boolean fail(long seq, ChainVerdict.Flaw flaw, String what) {
        altered = new ChainVerdict.Altered(seq, flaw, what);
        return false;
    }
}
