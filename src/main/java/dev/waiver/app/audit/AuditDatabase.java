package dev.waiver.app.audit;

import dev.waiver.engine.ports.AuditLogException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/// Opening `audit.db`: connection settings, schema checks and migrations, and the one message per way a
/// file can be unusable. Nothing is written to a file before it is known to be a Waiver log (or new).
final class AuditDatabase {

    private static final int BUSY_TIMEOUT_MS = 10_000;

    private AuditDatabase() {
    }

    /// Opens an existing log and brings its schema up to date. Never creates the file.
    static Connection open(Path file) {
        Connection connection = connect(file, false);
        try {
            int version = AuditSchema.version(connection);
            if (version > AuditSchema.latest()) {
                throw new AuditLogException(file + " was written by a newer Waiver (schema version " + version
                        + "; this one knows up to " + AuditSchema.latest() + "): open it with that version");
            }
            if (AuditSchema.foreign(connection)) {
                throw new AuditLogException(file + " is a SQLite database of another program, not a Waiver audit log");
            }
            configure(connection);
            AuditSchema.migrate(connection);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw failure(file, "cannot open", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /// Another connection to an open log, for reading beside the log's own, used by one thread at a time.
    /// It opens without SQLite's per-connection mutex ("multi-thread" mode, safe when no two threads use
    /// one connection at once; the driver serialises calls on a connection anyway): verification makes a
    /// dozen SQLite calls per entry, and locking and unlocking that mutex around each was a fifth of the
    /// cost of reading a row.
    static Connection reader(Path file) {
        SQLiteConfig config = config(false);
        config.setOpenMode(SQLiteOpenMode.NOMUTEX);
        return connect(file, false, config);
    }

    /// Creates a new, migrated log at `file`. It is built under a temporary name and then linked into
    /// place, so a failure leaves no half-made log behind, and a log another process created meanwhile
    /// is kept rather than replaced.
    static void create(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AuditLogException("cannot create the data folder " + dir + ": " + reason(e), e);
        }
        String base = file.getFileName().toString();
        TempFiles.removeOrphans(dir, base, ".new");
        Path temp = TempFiles.next(dir, base, ".new");
        try {
            try (Connection connection = connect(temp, true)) {
                configure(connection);
                AuditSchema.migrate(connection);
            } catch (SQLException e) {
                throw failure(dir, "cannot create the audit log in", e);
            }
            publish(temp, file);
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                try {
                    Files.deleteIfExists(Path.of(temp + suffix));
                } catch (IOException e) {
                    // removed as an orphan on a later open
                }
            }
        }
    }

    private static void publish(Path temp, Path file) {
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // another process created the log first: use theirs
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException moveFailed) {
                throw new AuditLogException("cannot create " + file + ": " + reason(moveFailed), moveFailed);
            }
        }
    }

    /// WAL with `synchronous=FULL`: a commit is on disk when it returns (the WAL is synced at each
    /// commit), readers never block the writer, and a crash loses nothing acknowledged.
    private static void configure(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.executeUpdate("PRAGMA synchronous=FULL");
            s.executeUpdate("PRAGMA fullfsync=ON");
        }
    }

    private static Connection connect(Path file, boolean create) {
        return connect(file, create, config(create));
    }

    private static SQLiteConfig config(boolean create) {
        var config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        return config;
    }

    private static Connection connect(Path file, boolean create, SQLiteConfig config) {
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw failure(create ? file.toAbsolutePath().getParent() : file, create ? "cannot create the audit log in" : "cannot open", e);
        }
    }

    /// One sentence for each way SQLite can refuse a file.
    static AuditLogException failure(Path path, String doing, SQLException e) {
        String code = e instanceof SQLiteException s ? s.getResultCode().name() : "";
        String why;
        if (code.equals(SQLiteErrorCode.SQLITE_NOTADB.name())) {
            return new AuditLogException(path + " is not a Waiver audit log (not a SQLite database)", e);
        } else if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_PERM")) {
            why = "the file or its folder cannot be written";
        } else if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
            why = "another program holds it locked; try again";
        } else if (code.startsWith("SQLITE_CORRUPT")) {
            why = "the file is damaged";
        } else if (code.startsWith("SQLITE_FULL")) {
            why = "the disk is full";
        } else if (code.startsWith("SQLITE_CONSTRAINT")) {
            why = "the log refused the change (it is append-only)";
        } else {
            why = e.getMessage();
        }
        return new AuditLogException(doing + " " + path + ": " + why, e);
    }

    static String reason(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing useful to do with a failed close of a connection we are abandoning
        }
    }
}
