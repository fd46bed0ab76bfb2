package dev.waiver.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// The chain's encoding as documented (recomputed here the plain way) and what verification says about
/// each kind of change, without any store.
class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    static AuditRecord record(int i) {
        return new AuditRecord(T0.plusSeconds(i).plusNanos(i * 1_001L), "alice@example.com", AuditAction.APPROVE,
                "payments/ex-" + i, "prod-eu", "vendor fix due, SEC-" + i + " — ünïcode",
                "kind: PolicyException\n", "kind: PolicyException\nmetadata: {name: ex-" + i + "}\n");
    }

    static List<AuditEntry> chain(int n) {
        var chain = new AuditChain();
        var entries = new ArrayList<AuditEntry>();
        AuditHead head = AuditHead.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry entry = chain.link(head, record(i));
            entries.add(entry);
            head = AuditHead.of(entry);
        }
        return entries;
    }

    @Test
    void hashIsSha256OverLengthPrefixedFieldsInTheDocumentedOrder() throws Exception {
        AuditRecord r = record(7);
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        for (String field : List.of("waiver-audit-1", "3", "2026-11-23T12:00:07.000007007Z", r.actor(), "APPROVE",
                r.exemptionId(), r.context(), r.comment(), r.before(), r.after(), "ab".repeat(32))) {
            writeField(out, field);
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        assertEquals(expected, new AuditChain().hash(3, r, "ab".repeat(32)));
    }

    @Test
    void seqIsPlainDecimalAtEveryWidth() throws Exception {
        AuditRecord r = record(7);
        for (long seq : new long[] {1, 9, 10, 99, 100, 123_456_789, 1_000_000_000_000L, Long.MAX_VALUE}) {
            var bytes = new ByteArrayOutputStream();
            var out = new DataOutputStream(bytes);
            for (String field : List.of("waiver-audit-1", Long.toString(seq), AuditTime.format(r.time()), r.actor(),
                    "APPROVE", r.exemptionId(), r.context(), r.comment(), r.before(), r.after(), "cd".repeat(32))) {
                writeField(out, field);
            }
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
            assertEquals(expected, new AuditChain().hash(seq, r, "cd".repeat(32)), "seq " + seq);
        }
    }

    private static void writeField(DataOutputStream out, String field) throws IOException {
        byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    @Test
    void storedBytesHashLikeTheDecodedEntry() {
        AuditRecord r = record(4);
        byte[][] stored = stored(AuditTime.format(r.time()), r.action().name(), r);
        assertTrue(AuditChain.isStoredForm(stored));
        assertEquals(new AuditChain().hash(4, r, AuditChain.GENESIS_HASH), new AuditChain().hash(4, stored, AuditChain.GENESIS_HASH));
        assertFalse(AuditChain.isStoredForm(stored("2026-11-23T12:00:00Z", "APPROVE", r)), "not the canonical form");
        assertFalse(AuditChain.isStoredForm(stored("2026-02-30T12:00:00.000000000Z", "APPROVE", r)), "no such day");
        assertFalse(AuditChain.isStoredForm(stored("2026-11-23T24:00:00.000000000Z", "APPROVE", r)), "no such hour");
        assertFalse(AuditChain.isStoredForm(stored(AuditTime.format(r.time()), "approve", r)), "not an action name");
        byte[][] missing = stored(AuditTime.format(r.time()), "APPROVE", r);
        missing[7] = null;
        assertFalse(AuditChain.isStoredForm(missing));
    }

    @Test
    void storedEntriesAreCheckedLikeDecodedOnes() {
        List<AuditEntry> entries = chain(3);
        var verifier = new ChainVerifier(Optional.of(AuditHead.of(entries.getLast())));
        for (AuditEntry e : entries) {
            AuditRecord r = e.record();
            assertTrue(verifier.acceptStored(e.seq(), stored(AuditTime.format(r.time()), r.action().name(), r),
                    ascii(e.previousHash()), ascii(e.hash())));
        }
        assertEquals(AuditChain.verify(entries, Optional.of(AuditHead.of(entries.getLast()))), verifier.verdict());

        AuditEntry first = entries.getFirst();
        byte[][] fields = stored(AuditTime.format(first.record().time()), "APPROVE", first.record());
        var upperCase = new ChainVerifier(Optional.empty());
        assertFalse(upperCase.acceptStored(1, fields, ascii(first.previousHash()), ascii(first.hash().toUpperCase())));
        assertEquals(ChainVerdict.Flaw.CONTENT_CHANGED, ((ChainVerdict.Altered) upperCase.verdict()).flaw());
        var badLink = new ChainVerifier(Optional.empty());
        assertFalse(badLink.acceptStored(1, fields, ascii("0".repeat(63)), ascii(first.hash())));
        assertEquals(ChainVerdict.Flaw.BROKEN_LINK, ((ChainVerdict.Altered) badLink.verdict()).flaw());
        var otherHead = new ChainVerifier(Optional.of(new AuditHead(1, "ab".repeat(32))));
        assertFalse(otherHead.acceptStored(1, fields, ascii(first.previousHash()), ascii(first.hash())));
        assertEquals(ChainVerdict.Flaw.HEAD_MISMATCH, ((ChainVerdict.Altered) otherHead.verdict()).flaw());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] stored(String time, String action, AuditRecord r) {
        return java.util.stream.Stream.of(time, r.actor(), action, r.exemptionId(), r.context(), r.comment(), r.before(),
                r.after()).map(f -> f.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    @Test
    void fieldsCannotBleedIntoEachOther() {
        var chain = new AuditChain();
        var a = new AuditRecord(T0, "ab", AuditAction.REQUEST, "c", "", "", "", "");
        var b = new AuditRecord(T0, "a", AuditAction.REQUEST, "bc", "", "", "", "");
        assertEquals(false, chain.hash(1, a, AuditChain.GENESIS_HASH).equals(chain.hash(1, b, AuditChain.GENESIS_HASH)));
    }

    @Test
    void anIntactChainReportsCountAndHead() {
        List<AuditEntry> entries = chain(5);
        assertEquals(new ChainVerdict.Intact(5, entries.getLast().hash()), AuditChain.verify(entries, Optional.empty()));
        assertEquals(new ChainVerdict.Intact(0, AuditChain.GENESIS_HASH), AuditChain.verify(List.of(), Optional.empty()));
        assertEquals(new ChainVerdict.Intact(5, entries.getLast().hash()),
                AuditChain.verify(entries.stream(), Optional.of(AuditHead.of(entries.get(3)))));
    }

    @Test
    void aChangedFieldNamesItsEntry() {
        List<AuditEntry> entries = new ArrayList<>(chain(5));
        AuditEntry third = entries.get(2);
        AuditRecord r = third.record();
        entries.set(2, new AuditEntry(3, new AuditRecord(r.time(), "mallory", r.action(), r.exemptionId(), r.context(),
                r.comment(), r.before(), r.after()), third.previousHash(), third.hash()));
        var verdict = assertInstanceOf(ChainVerdict.Altered.class, AuditChain.verify(entries, Optional.empty()));
        assertEquals(3, verdict.firstBadSeq());
        assertEquals(ChainVerdict.Flaw.CONTENT_CHANGED, verdict.flaw());
    }

    @Test
    void aRemovedEntryIsNamedByItsMissingNumber() {
        List<AuditEntry> entries = new ArrayList<>(chain(5));
        entries.remove(1);
        var verdict = assertInstanceOf(ChainVerdict.Altered.class, AuditChain.verify(entries, Optional.empty()));
        assertEquals(new ChainVerdict.Altered(2, ChainVerdict.Flaw.MISSING_ENTRY,
                "missing: entry 1 is followed by entry 3"), verdict);
        entries.removeFirst();
        assertEquals(1, ((ChainVerdict.Altered) AuditChain.verify(entries, Optional.empty())).firstBadSeq());
    }

    @Test
    void aRepeatedOrMovedEntryIsOutOfOrder() {
        List<AuditEntry> entries = new ArrayList<>(chain(5));
        entries.add(2, entries.get(1));
        var verdict = assertInstanceOf(ChainVerdict.Altered.class, AuditChain.verify(entries, Optional.empty()));
        assertEquals(3, verdict.firstBadSeq());
        assertEquals(ChainVerdict.Flaw.OUT_OF_ORDER, verdict.flaw());
    }

    @Test
    void aRehashedEntryStillBreaksTheLinkOfTheNext() {
        List<AuditEntry> entries = new ArrayList<>(chain(5));
        AuditEntry second = entries.get(1);
        AuditRecord forged = new AuditRecord(second.record().time(), "mallory", AuditAction.REVOKE, "x", "", "", "", "");
        entries.set(1, new AuditChain().link(AuditHead.of(entries.getFirst()), forged));
        var verdict = assertInstanceOf(ChainVerdict.Altered.class, AuditChain.verify(entries, Optional.empty()));
        assertEquals(3, verdict.firstBadSeq());
        assertEquals(ChainVerdict.Flaw.BROKEN_LINK, verdict.flaw());
    }

    @Test
    void aChainShorterThanItsRecordedHeadIsTruncated() {
        List<AuditEntry> entries = chain(5);
        AuditHead head = AuditHead.of(entries.getLast());
        ChainVerdict verdict = AuditChain.verify(entries.subList(0, 3), Optional.of(head));
        assertEquals(new ChainVerdict.Truncated(3, entries.get(2).hash(), head), verdict);
        assertEquals("truncated: the log ends at entry 3 but entry 5 was recorded (hash " + head.hash()
                + "): the newest 2 entries were removed", verdict.describe());
    }

    @Test
    void aRewrittenChainDiffersFromItsRecordedHead() {
        List<AuditEntry> original = chain(3);
        var rewritten = new ArrayList<AuditEntry>();
        var chain = new AuditChain();
        AuditHead head = AuditHead.GENESIS;
        for (AuditEntry e : original) {
            AuditRecord r = e.record();
            AuditEntry forged = chain.link(head, new AuditRecord(r.time(), "mallory", r.action(), r.exemptionId(),
                    r.context(), r.comment(), r.before(), r.after()));
            rewritten.add(forged);
            head = AuditHead.of(forged);
        }
        var verdict = AuditChain.verify(rewritten, Optional.of(AuditHead.of(original.get(1))));
        assertEquals(ChainVerdict.Flaw.HEAD_MISMATCH, ((ChainVerdict.Altered) verdict).flaw());
        assertEquals(2, ((ChainVerdict.Altered) verdict).firstBadSeq());
    }

    @Test
    void timesHaveOneFixedWidthForm() {
        assertEquals("2026-11-23T12:00:00.000000000Z", AuditTime.format(T0));
        assertEquals("1970-01-01T00:00:00.000000001Z", AuditTime.format(Instant.ofEpochSecond(0, 1)));
        assertEquals("0001-01-01T00:00:00.000000000Z", AuditTime.format(Instant.parse("0001-01-01T00:00:00Z")));
        Instant far = Instant.parse("+12026-01-01T00:00:00Z");
        assertEquals("+12026-01-01T00:00:00.000000000Z", AuditTime.format(far));
        for (Instant t : List.of(T0, Instant.ofEpochSecond(1_700_000_000L, 123_456_789), far)) {
            assertEquals(Optional.of(t), AuditTime.parse(AuditTime.format(t)));
        }
        assertEquals(Optional.of(T0), AuditTime.parse("2026-11-23T13:00:00+01:00"));
        assertEquals(Optional.empty(), AuditTime.parse("2026-13-23T12:00:00.000000000Z"));
        assertEquals(Optional.empty(), AuditTime.parse("yesterday"));
    }

    @Test
    void headsAreCheckedWhenMade() {
        assertThrows(IllegalArgumentException.class, () -> new AuditHead(1, "ABC"));
        assertThrows(IllegalArgumentException.class, () -> new AuditHead(0, "ab".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> new AuditHead(-1, AuditChain.GENESIS_HASH));
        assertEquals("0 " + AuditChain.GENESIS_HASH, AuditHead.GENESIS.toString());
    }
}
