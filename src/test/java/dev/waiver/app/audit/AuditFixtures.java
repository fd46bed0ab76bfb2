package dev.waiver.app.audit;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.IntStream;

/// Records to append, and raw SQL against a log file the way someone bypassing Waiver would use it.
public final class AuditFixtures {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final AuditAction[] ACTIONS = AuditAction.values();

    private AuditFixtures() {
    }

    static AuditRecord record(int i) {
        return new AuditRecord(T0.plusSeconds(60L * i).plusNanos(i), "reviewer" + (i % 3) + "@example.com",
                ACTIONS[i % ACTIONS.length], "payments/exception-" + (i % 5), i % 2 == 0 ? "prod-eu" : "",
                "decision " + i + ": \"vendor fix\", due, SEC-" + (1000 + i),
                i == 1 ? "" : "apiVersion: kyverno.io/v2\nkind: PolicyException\nmetadata:\n  name: exception-" + i + "\n",
                "apiVersion: kyverno.io/v2\nkind: PolicyException\nmetadata:\n  name: exception-" + i + "\n  annotations:\n"
                        + "    waiver.dev/approved-by: reviewer@example.com\n");
    }

    static java.util.List<AuditRecord> records(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(AuditFixtures::record).toList();
    }

    static SqliteAuditLog logWith(Path home, int n) {
        SqliteAuditLog log = SqliteAuditLog.open(home);
        for (AuditRecord r : records(n)) {
            log.append(r);
        }
        return log;
    }

    /// Runs statements on the raw file, as a person with the file and the sqlite3 tool could.
    public static void sql(Path home, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("audit.db"));
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.executeUpdate(statement);
            }
        }
    }

    /// The same, with the append-only triggers dropped first (they stay dropped).
    public static void tamper(Path home, String... statements) throws SQLException {
        sql(home, "DROP TRIGGER IF EXISTS audit_entry_no_update", "DROP TRIGGER IF EXISTS audit_entry_no_delete",
                "DROP TRIGGER IF EXISTS audit_entry_append_only");
        sql(home, statements);
    }
}
