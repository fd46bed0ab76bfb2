package dev.waiver.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// `waiver audit log | verify | export` as a user runs them, on a real log in a temporary data folder.
class AuditCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path home;

    @TempDir
    Path out;

    private List<AuditEntry> fill() {
        try (SqliteAuditLog log = SqliteAuditLog.open(home)) {
            return log.appendAll(List.of(
                    new AuditRecord(T0, "dev@example.com", AuditAction.REQUEST, "payments/debug-pod", "", "needs hostPath\nfor a week", "", "kind: PolicyException\n"),
                    new AuditRecord(T0.plusSeconds(3600), "sec@example.com", AuditAction.APPROVE, "payments/debug-pod", "", "ok until Friday", "kind: PolicyException\n", "kind: PolicyException\n"),
                    new AuditRecord(T0.plusSeconds(86_400), "sec@example.com", AuditAction.APPLY, "payments/debug-pod", "prod-eu", "resourceVersion 4711", "", "kind: PolicyException\n"),
                    new AuditRecord(T0.plusSeconds(2 * 86_400), "sec@example.com", AuditAction.REJECT, "ml/gpu-root", "", "no ticket", "", "")));
        }
    }

    private CliRun run(String... args) {
        var all = new java.util.ArrayList<>(List.of(args));
        all.add("--home=" + home);
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void logShowsEveryEntryOldestFirst() {
        fill();
        CliRun run = run("audit", "log");
        assertEquals(0, run.code(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals("SEQ  TIME (UTC)           ACTOR            ACTION   EXCEPTION           CONTEXT  COMMENT", lines.get(0));
        assertEquals("1    2026-11-20 09:00:00  dev@example.com  request  payments/debug-pod  -        needs hostPath / for a week",
                lines.get(1));
        assertEquals("4 entries", lines.getLast());
    }

    @Test
    void logFiltersCombine() throws Exception {
        fill();
        CliRun run = run("audit", "log", "--actor", "sec@example.com", "--action", "apply", "-o", "json");
        assertEquals(0, run.code(), run.toString());
        JsonNode json = new JsonMapper().readTree(run.out());
        assertEquals(1, json.size());
        assertEquals(3, json.get(0).path("seq").asInt());
        assertEquals("prod-eu", json.get(0).path("context").asString());
        assertEquals(List.of("2", "3"), seqs(run("audit", "log", "--exemption", "payments/debug-pod", "--since", "2026-11-20T10:00:00Z")));
        assertEquals(List.of("1", "2"), seqs(run("audit", "log", "--since", "2026-11-20", "--until", "2026-11-20")));
        assertEquals(List.of("4"), seqs(run("audit", "log", "--action", "REJECT")));
    }

    private static List<String> seqs(CliRun run) {
        assertEquals(0, run.code(), run.toString());
        return run.out().lines().skip(1).filter(l -> !l.endsWith("entries") && !l.endsWith("entry"))
                .map(l -> l.split(" ")[0]).toList();
    }

    @Test
    void logRejectsABadTimeWithOneLine() {
        CliRun run = run("audit", "log", "--since", "last week");
        assertEquals(ExitCodes.BAD_INPUT, run.code());
        assertTrue(run.err().startsWith("waiver: --since must be an RFC 3339 instant"), run.err());
    }

    @Test
    void withoutALogThereAreNoEntriesAndNothingIsCreated() throws Exception {
        CliRun log = run("audit", "log");
        assertEquals(0, log.code());
        assertEquals("no audit log in " + home + " yet: 0 entries", log.err().strip());
        CliRun verify = run("audit", "verify");
        assertEquals(0, verify.code(), verify.toString());
        assertEquals("no audit log in " + home + ": 0 entries, intact", verify.out().strip());
        try (var files = Files.list(home)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void verifyPrintsCountAndHeadWhenIntact() {
        List<AuditEntry> entries = fill();
        CliRun run = run("audit", "verify");
        assertEquals(0, run.code(), run.toString());
        assertEquals(home.resolve("audit.db") + ": intact: 4 entries, head " + entries.getLast().hash(), run.out().strip());
    }

    @Test
    void verifyNamesTheFirstAlteredEntryAndExits3() throws Exception {
        fill();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("audit.db"))) {
            c.createStatement().executeUpdate("DROP TRIGGER audit_entry_no_update");
            c.createStatement().executeUpdate("UPDATE audit_entry SET comment = 'approved after review' WHERE seq = 2");
        }
        CliRun run = run("audit", "verify");
        assertEquals(ExitCodes.ALTERED, run.code(), run.toString());
        assertEquals(home.resolve("audit.db") + ": altered: entry 2: its content does not match its hash: a field or"
                + " the hash was changed", run.out().strip());
    }

    @Test
    void verifyCatchesRemovedNewestEntries() throws Exception {
        fill();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("audit.db"))) {
            c.createStatement().executeUpdate("DROP TRIGGER audit_entry_no_delete");
            c.createStatement().executeUpdate("DELETE FROM audit_entry WHERE seq = 4");
        }
        CliRun run = run("audit", "verify");
        assertEquals(ExitCodes.ALTERED, run.code(), run.toString());
        assertTrue(run.out().contains("truncated: the log ends at entry 3 but entry 4 was recorded"), run.out());
    }

    @Test
    void aFileThatIsNotALogIsOneLineAndExit2() throws Exception {
        Files.writeString(home.resolve("audit.db"), "not a database, just some words that are long enough to have a header");
        for (String command : List.of("log", "verify", "export")) {
            CliRun run = command.equals("export")
                    ? run("audit", "export", "--format", "csv", "--out", out.resolve("x.csv").toString())
                    : run("audit", command);
            assertEquals(ExitCodes.BAD_INPUT, run.code(), run.toString());
            assertEquals("waiver: " + home.resolve("audit.db") + " is not a Waiver audit log (not a SQLite database)",
                    run.err().strip());
        }
        assertFalse(Files.exists(out.resolve("x.csv")));
    }

    @Test
    void exportsCarryTheHeadAndAJsonExportVerifiesOnItsOwn() throws Exception {
        List<AuditEntry> entries = fill();
        String head = entries.getLast().hash();
        for (String format : List.of("csv", "json", "html")) {
            Path file = out.resolve("audit." + format);
            CliRun run = run("audit", "export", "--format", format, "--out", file.toString(), "--now", "2026-11-23T12:00:00Z");
            assertEquals(0, run.code(), run.toString());
            assertEquals("wrote 4 entries as " + format + " to " + file + " (head " + head + ")", run.out().lines().findFirst().orElseThrow());
            assertTrue(Files.readString(file).contains(head), format);
        }
        Path json = out.resolve("audit.json");
        Files.delete(home.resolve("audit.db"));
        CliRun verify = CliRun.of("audit", "verify", "--export", json.toString());
        assertEquals(0, verify.code(), verify.toString());
        assertEquals(json + ": intact: 4 entries, head " + head, verify.out().strip());
        assertEquals(0, CliRun.of("audit", "verify", "--export", json.toString(), "--expect-head", head).code());
        CliRun other = CliRun.of("audit", "verify", "--export", json.toString(), "--expect-head", "ab".repeat(32));
        assertEquals(ExitCodes.ALTERED, other.code());
        assertTrue(other.out().contains("its head differs from the expected head"), other.out());

        Files.writeString(json, Files.readString(json).replace("ok until Friday", "ok until further notice"));
        CliRun edited = CliRun.of("audit", "verify", "--export", json.toString());
        assertEquals(ExitCodes.ALTERED, edited.code(), edited.toString());
        assertEquals(json + ": altered: entry 2: its content does not match its hash: a field or the hash was changed",
                edited.out().strip());
    }

    @Test
    void exportOfAnAlteredLogIsWrittenWithAWarning() throws Exception {
        fill();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("audit.db"))) {
            c.createStatement().executeUpdate("DROP TRIGGER audit_entry_no_update");
            c.createStatement().executeUpdate("UPDATE audit_entry SET actor = 'someone' WHERE seq = 3");
        }
        Path file = out.resolve("audit.json");
        CliRun run = run("audit", "export", "--format", "json", "--out", file.toString());
        assertEquals(ExitCodes.ALTERED, run.code(), run.toString());
        assertTrue(run.err().contains("warning: the log does not verify: altered: entry 3"), run.err());
        assertEquals(ExitCodes.ALTERED, CliRun.of("audit", "verify", "--export", file.toString()).code());
    }

    @Test
    void exportNeedsAnExistingFolderAndAKnownFormat() {
        CliRun missing = run("audit", "export", "--format", "json", "--out", out.resolve("no/such/dir/a.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("the folder does not exist"), missing.err());
        CliRun head = run("audit", "verify", "--expect-head", "ab".repeat(32));
        assertEquals(ExitCodes.BAD_INPUT, head.code());
        assertTrue(head.err().startsWith("waiver: --expect-head needs --export FILE"), head.err());
        CliRun format = run("audit", "export", "--format", "pdf", "--out", out.resolve("a.pdf").toString());
        assertEquals(ExitCodes.BAD_INPUT, format.code());
        assertTrue(format.err().contains("--format"), format.err());
    }
}
