package dev.waiver.app.audit;

import static dev.waiver.app.audit.AuditFixtures.T0;
import static dev.waiver.app.audit.AuditFixtures.record;
import static dev.waiver.app.audit.AuditFixtures.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditChain;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditHead;
import dev.waiver.engine.audit.AuditQuery;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.ChainVerdict;
import dev.waiver.engine.ports.AuditLogException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The SQLite log on real files: what goes in comes out, the file refuses changes, and files that are not
/// logs are refused with one clear sentence.
class AuditStoreTest {

    @TempDir
    Path home;

    @Test
    void appendedEntriesComeBackExactlyAfterReopening() {
        List<AuditEntry> appended = new ArrayList<>();
        try (SqliteAuditLog log = SqliteAuditLog.open(home)) {
            assertEquals(AuditHead.GENESIS, log.head());
            for (AuditRecord r : records(12)) {
                appended.add(log.append(r));
            }
            assertEquals(AuditHead.of(appended.getLast()), log.head());
        }
        assertEquals(List.of(1L, 2L, 3L), appended.stream().limit(3).map(AuditEntry::seq).toList());
        assertEquals(AuditChain.GENESIS_HASH, appended.getFirst().previousHash());
        try (SqliteAuditLog log = SqliteAuditLog.openExisting(home).orElseThrow()) {
            assertEquals(appended, log.entries());
            assertEquals(new ChainVerdict.Intact(12, appended.getLast().hash()), log.verify());
        }
        assertEquals(appended.getLast().seq() + " " + appended.getLast().hash() + "\n", read(home.resolve("audit.db.head")));
    }

    @Test
    void aBatchIsOneStepAndContinuesTheChain() {
        try (SqliteAuditLog log = SqliteAuditLog.open(home)) {
            log.append(record(1));
            List<AuditEntry> batch = log.appendAll(records(5).subList(1, 5));
            assertEquals(List.of(2L, 3L, 4L, 5L), batch.stream().map(AuditEntry::seq).toList());
            assertEquals(log.entries().get(0).hash(), batch.getFirst().previousHash());
            assertInstanceOf(ChainVerdict.Intact.class, log.verify());
        }
    }

    @Test
    void queriesSelectByActorActionExemptionAndTime() {
        try (SqliteAuditLog log = AuditFixtures.logWith(home, 30)) {
            assertEquals(10, log.entries(AuditQuery.all().withActor("reviewer1@example.com")).size());
            assertEquals(List.of(1L, 12L, 23L), seqs(log.entries(AuditQuery.all().withAction(AuditAction.APPROVE))));
            assertEquals(List.of(3L, 8L, 13L, 18L, 23L, 28L),
                    seqs(log.entries(AuditQuery.all().withExemptionId("payments/exception-3"))));
            assertEquals(List.of(10L, 11L), seqs(log.entries(AuditQuery.all()
                    .withSince(T0.plusSeconds(600)).withUntil(T0.plusSeconds(720)))));
            assertEquals(List.of(23L), seqs(log.entries(AuditQuery.all().withAction(AuditAction.APPROVE)
                    .withExemptionId("payments/exception-3"))));
        }
    }

    private static List<Long> seqs(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::seq).toList();
    }

    @Test
    void theFileRefusesUpdatesDeletesAndOutOfOrderInserts() {
        AuditFixtures.logWith(home, 3).close();
        for (String statement : List.of("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 2",
                "DELETE FROM audit_entry WHERE seq = 3",
                "INSERT OR REPLACE INTO audit_entry SELECT * FROM audit_entry WHERE seq = 1",
                "INSERT INTO audit_entry (seq, time, actor, action, exemption_id, context, comment, before_yaml,"
                        + " after_yaml, previous_hash, hash) SELECT 9, time, actor, action, exemption_id, context,"
                        + " comment, before_yaml, after_yaml, previous_hash, hash FROM audit_entry WHERE seq = 3",
                "INSERT INTO audit_entry (seq, time, actor, action, exemption_id, context, comment, before_yaml,"
                        + " after_yaml, previous_hash, hash) SELECT 4, time, actor, action, exemption_id, context,"
                        + " comment, before_yaml, after_yaml, previous_hash, hash FROM audit_entry WHERE seq = 3")) {
            var e = assertThrows(SQLException.class, () -> AuditFixtures.sql(home, statement), statement);
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
        assertInstanceOf(ChainVerdict.Intact.class, SqliteAuditLog.verifyAt(home));
    }

    @Test
    void twoWritersNeverForkTheChain() throws Exception {
        try (SqliteAuditLog first = SqliteAuditLog.open(home); SqliteAuditLog second = SqliteAuditLog.open(home);
             var pool = Executors.newFixedThreadPool(4)) {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < 4; t++) {
                SqliteAuditLog log = t % 2 == 0 ? first : second;
                futures.add(pool.submit(() -> records(25).forEach(log::append)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            assertEquals(100, first.entries().size());
            assertEquals(new AuditHead(100, second.head().hash()), first.head());
            assertInstanceOf(ChainVerdict.Intact.class, second.verify());
        }
    }

    @Test
    void readingAFolderWithoutALogCreatesNothing() throws Exception {
        assertTrue(SqliteAuditLog.openExisting(home).isEmpty());
        assertEquals(new ChainVerdict.Intact(0, AuditChain.GENESIS_HASH), SqliteAuditLog.verifyAt(home));
        Path missing = home.resolve("not-yet");
        assertTrue(SqliteAuditLog.openExisting(missing).isEmpty());
        assertFalse(Files.exists(missing));
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void openingCreatesTheFolderTheLogAndItsHead() throws Exception {
        Path nested = home.resolve("a/b");
        try (SqliteAuditLog log = SqliteAuditLog.open(nested)) {
            assertEquals(nested.resolve("audit.db").toAbsolutePath(), log.file());
        }
        assertEquals("0 " + AuditChain.GENESIS_HASH + "\n", read(nested.resolve("audit.db.head")));
        assertEquals(List.of("audit.db", "audit.db.head"), names(nested));
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedUntouched() throws Exception {
        byte[] text = "these are my notes, not a database\n".repeat(100).getBytes();
        Files.write(home.resolve("audit.db"), text);
        var e = assertThrows(AuditLogException.class, () -> SqliteAuditLog.open(home));
        assertEquals(home.resolve("audit.db").toAbsolutePath() + " is not a Waiver audit log (not a SQLite database)",
                e.getMessage());
        assertEquals(e.getMessage(), assertThrows(AuditLogException.class, () -> SqliteAuditLog.verifyAt(home)).getMessage());
        assertEquals(List.of("audit.db"), names(home));
        assertTrue(java.util.Arrays.equals(text, Files.readAllBytes(home.resolve("audit.db"))));
    }

    @Test
    void anotherProgramsDatabaseIsRefused() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("audit.db"))) {
            c.createStatement().executeUpdate("CREATE TABLE notes (text TEXT)");
        }
        var e = assertThrows(AuditLogException.class, () -> SqliteAuditLog.open(home));
        assertTrue(e.getMessage().endsWith("audit.db is a SQLite database of another program, not a Waiver audit log"),
                e.getMessage());
    }

    @Test
    void aLogFromANewerWaiverIsRefused() throws Exception {
        AuditFixtures.logWith(home, 2).close();
        AuditFixtures.sql(home, "PRAGMA user_version = 7");
        var e = assertThrows(AuditLogException.class, () -> SqliteAuditLog.open(home));
        assertTrue(e.getMessage().endsWith("audit.db was written by a newer Waiver (schema version 7; this one knows up to 1):"
                + " open it with that version"), e.getMessage());
    }

    @Test
    void aFolderThatCannotBeMadeIsOneSentenceAndLeavesNothing() throws Exception {
        Path file = Files.writeString(home.resolve("plain-file"), "x");
        var e = assertThrows(AuditLogException.class, () -> SqliteAuditLog.open(file.resolve("home")));
        assertTrue(e.getMessage().startsWith("cannot create the data folder " + file.resolve("home").toAbsolutePath()),
                e.getMessage());
        assertEquals(List.of("plain-file"), names(home));
    }

    @Test
    void aReadOnlyFolderIsOneSentenceAndLeavesNothing() throws Exception {
        Path readOnly = Files.createDirectory(home.resolve("read-only"));
        assertTrue(readOnly.toFile().setWritable(false, false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(readOnly), "running as root: folders stay writable");
            var e = assertThrows(AuditLogException.class, () -> SqliteAuditLog.open(readOnly));
            assertTrue(e.getMessage().contains("cannot"), e.getMessage());
            assertEquals(List.of(), names(readOnly));
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void aGarbageHeadFileIsOneSentenceAndStopsAppends() throws Exception {
        AuditFixtures.logWith(home, 3).close();
        Files.writeString(home.resolve("audit.db.head"), "hello\n");
        try (SqliteAuditLog log = SqliteAuditLog.open(home)) {
            var e = assertThrows(AuditLogException.class, () -> log.append(record(4)));
            assertEquals("refusing to append: " + home.resolve("audit.db.head").toAbsolutePath()
                    + " is not an audit head record (expected 'SEQ HASH'): it was changed outside Waiver", e.getMessage());
            assertEquals(3, log.entries().size());
            var verdict = assertInstanceOf(ChainVerdict.HeadLost.class, log.verify());
            assertEquals("audit.db.head is not a head record", verdict.reason());
        }
    }

    @Test
    void aDeletedLogIsNotSilentlyStartedAgain() throws Exception {
        AuditFixtures.logWith(home, 3).close();
        Files.delete(home.resolve("audit.db"));
        var verdict = assertInstanceOf(ChainVerdict.Truncated.class, SqliteAuditLog.verifyAt(home));
        assertEquals(0, verdict.count());
        assertEquals(3, verdict.expectedHead().seq());
        var e = assertThrows(AuditLogException.class, () -> SqliteAuditLog.open(home));
        assertTrue(e.getMessage().contains("records 3 entries: the log was deleted or moved"), e.getMessage());
        assertEquals(List.of("audit.db.head"), names(home));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> names(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
