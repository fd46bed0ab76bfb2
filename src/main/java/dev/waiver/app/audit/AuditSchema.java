package dev.waiver.app.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/// The numbered migrations in `src/main/resources/db/`, applied in order. The file's schema version is
/// SQLite's `PRAGMA user_version`: 0 for a new file, N once `VN__….sql` is applied. A migration is
/// never edited once released; a change is a new file at the end of [#MIGRATIONS].
final class AuditSchema {

    /// In order: the migration at index i takes a file from version i to i + 1.
    static final List<String> MIGRATIONS = List.of("V1__audit.sql");

    private AuditSchema() {
    }

    static int latest() {
        return MIGRATIONS.size();
    }

    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /// True when the file holds tables without being a Waiver log: some other program's database.
    static boolean foreign(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            return version(connection) == 0 && rs.next() && rs.getInt(1) > 0;
        }
    }

    /// Applies the pending migrations in one write transaction, reading the version inside it so that two
    /// processes opening the same old file migrate it once.
    static void migrate(Connection connection) throws SQLException {
        if (version(connection) >= latest()) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("BEGIN IMMEDIATE");
            boolean done = false;
            try {
                for (int v = version(connection); v < latest(); v++) {
                    s.executeUpdate(script(MIGRATIONS.get(v)));
                    s.executeUpdate("PRAGMA user_version = " + (v + 1));
                }
                s.executeUpdate("COMMIT");
                done = true;
            } finally {
                if (!done) {
                    s.executeUpdate("ROLLBACK");
                }
            }
        }
    }

    private static String script(String name) {
        try (InputStream in = AuditSchema.class.getResourceAsStream("/db/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration /db/" + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
