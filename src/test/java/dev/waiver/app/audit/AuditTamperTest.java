package dev.waiver.app.audit;

import static dev.waiver.app.audit.AuditFixtures.record;
import static dev.waiver.app.audit.AuditFixtures.tamper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.engine.audit.AuditChain;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditHead;
import dev.waiver.engine.audit.AuditTime;
import dev.waiver.engine.audit.ChainVerdict;
import dev.waiver.engine.audit.ChainVerdict.Flaw;
import dev.waiver.engine.ports.AuditLogException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Someone with the file, the sqlite3 tool and the triggers dropped: every change they can make is
/// named by the first entry it breaks, and removing the newest entries is caught by the head file.
class AuditTamperTest {

    private static final int ENTRIES = 10;

    @TempDir
    Path home;

    private List<AuditEntry> original;

    @BeforeEach
    void tenEntries() {
        try (SqliteAuditLog log = AuditFixtures.logWith(home, ENTRIES)) {
            original = log.entries();
        }
    }

    /// One change per column, as SQL over the column's current value.
    static Stream<Arguments> everyColumnAtEveryPosition() {
        String otherHex = "CASE WHEN substr(%1$s, 1, 1) = 'a' THEN 'b' ELSE 'a' END || substr(%1$s, 2)";
        List<Object[]> changes = List.of(
                new Object[] {"seq", "seq + 1000", Flaw.MISSING_ENTRY},
                new Object[] {"time", "'2020-01-01T00:00:00.000000000Z'", Flaw.CONTENT_CHANGED},
                new Object[] {"time", "'last tuesday'", Flaw.UNREADABLE},
                new Object[] {"actor", "actor || 'x'", Flaw.CONTENT_CHANGED},
                new Object[] {"action", "CASE action WHEN 'REVOKE' THEN 'APPROVE' ELSE 'REVOKE' END", Flaw.CONTENT_CHANGED},
                new Object[] {"action", "'SHRED'", Flaw.UNREADABLE},
                new Object[] {"exemption_id", "exemption_id || 'x'", Flaw.CONTENT_CHANGED},
                new Object[] {"context", "context || 'x'", Flaw.CONTENT_CHANGED},
                new Object[] {"comment", "comment || 'x'", Flaw.CONTENT_CHANGED},
                new Object[] {"before_yaml", "before_yaml || 'x'", Flaw.CONTENT_CHANGED},
                new Object[] {"after_yaml", "after_yaml || 'x'", Flaw.CONTENT_CHANGED},
                new Object[] {"previous_hash", otherHex.formatted("previous_hash"), Flaw.BROKEN_LINK},
                new Object[] {"hash", otherHex.formatted("hash"), Flaw.CONTENT_CHANGED});
        var cases = new ArrayList<Arguments>();
        for (Object[] change : changes) {
            for (int seq : new int[] {1, 5, ENTRIES}) {
                cases.add(Arguments.of(change[0], change[1], seq, change[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} = {1} at entry {2}")
    @MethodSource("everyColumnAtEveryPosition")
    void changingAnyFieldOfAnyEntryNamesThatEntry(String column, String newValue, int seq, Flaw flaw) throws Exception {
        tamper(home, "UPDATE audit_entry SET " + column + " = " + newValue + " WHERE seq = " + seq);
        var verdict = assertInstanceOf(ChainVerdict.Altered.class, SqliteAuditLog.verifyAt(home));
        assertEquals(seq, verdict.firstBadSeq(), verdict.describe());
        assertEquals(flaw, verdict.flaw(), verdict.describe());
    }

    static Stream<String> textColumns() {
        return Stream.of("time", "actor", "action", "exemption_id", "context", "comment", "before_yaml", "after_yaml",
                "previous_hash", "hash");
    }

    /// The NOT NULL constraints go with a rebuilt table; a NULL is then unreadable, whichever column holds it.
    @ParameterizedTest
    @MethodSource("textColumns")
    void aNullInAnyColumnIsUnreadable(String column) throws Exception {
        tamper(home, "ALTER TABLE audit_entry RENAME TO old_entry",
                "CREATE TABLE audit_entry (seq INTEGER PRIMARY KEY, time, actor, action, exemption_id, context, comment,"
                        + " before_yaml, after_yaml, previous_hash, hash)",
                "INSERT INTO audit_entry SELECT * FROM old_entry", "DROP TABLE old_entry",
                "UPDATE audit_entry SET " + column + " = NULL WHERE seq = 5");
        String what = switch (column) {
            case "time" -> "its time is not an RFC 3339 instant";
            case "action" -> "its action is not one Waiver records";
            default -> "its " + column + " is NULL";
        };
        assertEquals(new ChainVerdict.Altered(5, Flaw.UNREADABLE, what), SqliteAuditLog.verifyAt(home));
    }

    /// A column stored as a BLOB of the same bytes reads as the same text: the content is unchanged.
    @ParameterizedTest
    @MethodSource("textColumns")
    void theSameBytesAsABlobAreTheSameContent(String column) throws Exception {
        tamper(home, "UPDATE audit_entry SET " + column + " = CAST(" + column + " AS BLOB) WHERE seq = 5");
        assertEquals(new ChainVerdict.Intact(ENTRIES, original.getLast().hash()), SqliteAuditLog.verifyAt(home));
    }

    @Test
    void multiByteTextVerifiesAndAChangedCharacterIsCaught(@TempDir Path other) throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(other)) {
            for (int i = 1; i <= 6; i++) {
                var r = record(i);
                log.append(new dev.waiver.engine.audit.AuditRecord(r.time(), "rené@exämple.com", r.action(),
                        "zahlungen/ausnahme-" + i, "prod-東京", "fix due — SEC-" + i + " 🔒 e\u0301 \u0000 end",
                        r.before() + "  note: \"café ☕\"\n", r.after()));
            }
        }
        assertInstanceOf(ChainVerdict.Intact.class, SqliteAuditLog.verifyAt(other));
        tamper(other, "UPDATE audit_entry SET comment = replace(comment, '🔒', '🔓') WHERE seq = 4");
        var verdict = assertInstanceOf(ChainVerdict.Altered.class, SqliteAuditLog.verifyAt(other));
        assertEquals(4, verdict.firstBadSeq());
        assertEquals(Flaw.CONTENT_CHANGED, verdict.flaw());
    }

    @Test
    void deletingAMiddleEntryNamesIt() throws Exception {
        tamper(home, "DELETE FROM audit_entry WHERE seq = 4");
        assertEquals(new ChainVerdict.Altered(4, Flaw.MISSING_ENTRY, "missing: entry 3 is followed by entry 5"),
                SqliteAuditLog.verifyAt(home));
    }

    @Test
    void aSwappedPairIsCaughtAtTheFirstOfThem() throws Exception {
        tamper(home, "UPDATE audit_entry SET seq = 100 WHERE seq = 3", "UPDATE audit_entry SET seq = 3 WHERE seq = 4",
                "UPDATE audit_entry SET seq = 4 WHERE seq = 100");
        var verdict = assertInstanceOf(ChainVerdict.Altered.class, SqliteAuditLog.verifyAt(home));
        assertEquals(3, verdict.firstBadSeq());
    }

    @Test
    void aCrudelyInsertedEntryIsNamed() throws Exception {
        tamper(home, shiftFrom(5), "INSERT INTO audit_entry SELECT 5, time, 'mallory', action, exemption_id, context,"
                + " comment, before_yaml, after_yaml, previous_hash, hash FROM audit_entry WHERE seq = 4");
        var verdict = assertInstanceOf(ChainVerdict.Altered.class, SqliteAuditLog.verifyAt(home));
        assertEquals(5, verdict.firstBadSeq(), verdict.describe());
    }

    @Test
    void aWellFormedInsertedEntryBreaksTheLinkOfTheEntryAfterIt() throws Exception {
        AuditEntry forged = new AuditChain().link(AuditHead.of(original.get(3)), record(99));
        tamper(home, shiftFrom(5), insert(forged));
        var verdict = assertInstanceOf(ChainVerdict.Altered.class, SqliteAuditLog.verifyAt(home));
        assertEquals(new ChainVerdict.Altered(6, Flaw.BROKEN_LINK,
                "it does not link to entry 5 (its previous hash differs from that entry's hash)"), verdict);
    }

    @Test
    void deletingTheNewestEntriesIsCaughtByTheHeadFile() throws Exception {
        tamper(home, "DELETE FROM audit_entry WHERE seq > 7");
        var verdict = assertInstanceOf(ChainVerdict.Truncated.class, SqliteAuditLog.verifyAt(home));
        assertEquals(new ChainVerdict.Truncated(7, original.get(6).hash(), AuditHead.of(original.getLast())), verdict);
        try (SqliteAuditLog log = SqliteAuditLog.open(home)) {
            var refused = assertThrows(AuditLogException.class, () -> log.append(record(11)));
            assertEquals("refusing to append: audit.db.head records entry 10 but audit.db ends at entry 7: its newest"
                    + " entries were removed (see waiver audit verify)", refused.getMessage());
        }
        assertInstanceOf(ChainVerdict.Truncated.class, SqliteAuditLog.verifyAt(home));
    }

    @Test
    void deletingOnlyTheNewestEntryIsCaught() throws Exception {
        tamper(home, "DELETE FROM audit_entry WHERE seq = 10");
        assertEquals(9, assertInstanceOf(ChainVerdict.Truncated.class, SqliteAuditLog.verifyAt(home)).count());
    }

    @Test
    void replacingTheNewestEntriesWithAWellFormedTailDiffersFromTheHead() throws Exception {
        AuditEntry forged = new AuditChain().link(AuditHead.of(original.get(8)), record(77));
        tamper(home, "DELETE FROM audit_entry WHERE seq = 10", insert(forged));
        var verdict = assertInstanceOf(ChainVerdict.Altered.class, SqliteAuditLog.verifyAt(home));
        assertEquals(10, verdict.firstBadSeq());
        assertEquals(Flaw.HEAD_MISMATCH, verdict.flaw());
        try (SqliteAuditLog log = SqliteAuditLog.open(home)) {
            assertTrue(assertThrows(AuditLogException.class, () -> log.append(record(11))).getMessage()
                    .contains("entry 10 of audit.db differs from the head recorded in audit.db.head"));
        }
    }

    @Test
    void aHeadFileOneBehindIsACrashNotTamperingAndTheNextAppendRepairsIt() throws Exception {
        Files.writeString(home.resolve("audit.db.head"), AuditHead.of(original.get(8)) + "\n");
        assertEquals(new ChainVerdict.Intact(ENTRIES, original.getLast().hash()), SqliteAuditLog.verifyAt(home));
        try (SqliteAuditLog log = SqliteAuditLog.open(home)) {
            AuditEntry next = log.append(record(11));
            assertEquals(AuditHead.of(next) + "\n", Files.readString(home.resolve("audit.db.head")));
        }
    }

    @Test
    void aMissingHeadFileLeavesTheEndUnprovenUntilTheNextAppend() throws Exception {
        Files.delete(home.resolve("audit.db.head"));
        var verdict = assertInstanceOf(ChainVerdict.HeadLost.class, SqliteAuditLog.verifyAt(home));
        assertEquals(new ChainVerdict.HeadLost(ENTRIES, original.getLast().hash(), "audit.db.head is missing"), verdict);
        try (SqliteAuditLog log = SqliteAuditLog.open(home)) {
            log.append(record(11));
        }
        assertInstanceOf(ChainVerdict.Intact.class, SqliteAuditLog.verifyAt(home));
    }

    private static String shiftFrom(int seq) {
        return "UPDATE audit_entry SET seq = seq + 1000 WHERE seq >= " + seq + ";"
                + " UPDATE audit_entry SET seq = seq - 999 WHERE seq >= 1000";
    }

    private static String insert(AuditEntry e) {
        var r = e.record();
        return "INSERT INTO audit_entry VALUES (" + e.seq() + ", " + String.join(", ", List.of(
                q(AuditTime.format(r.time())), q(r.actor()), q(r.action().name()), q(r.exemptionId()), q(r.context()),
                q(r.comment()), q(r.before()), q(r.after()), q(e.previousHash()), q(e.hash()))) + ")";
    }

    private static String q(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
