package dev.waiver.app.audit;

import dev.waiver.engine.audit.AuditChain;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditHead;
import dev.waiver.engine.audit.AuditQuery;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.ChainVerdict;
import dev.waiver.engine.ports.AuditLog;
import dev.waiver.engine.ports.AuditLogException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/// The audit log in `<home>/audit.db` (SQLite, WAL, `synchronous=FULL`) with its head recorded in
/// `<home>/audit.db.head`.
///
/// One writer at a time: appends in this process are serialised by this object, appends from other
/// processes by `BEGIN IMMEDIATE`, inside which the newest entry is read, so no two writers ever extend
/// the same head (the chain cannot fork). The database refuses UPDATE and DELETE, and any INSERT that
/// is not the next entry, by trigger; the hash chain and the head file make any change made around
/// those triggers visible to [#verify()].
///
/// Order of an append: commit (durable), then the head file. A crash in between leaves the head file
/// one entry behind, which is accepted and repaired by the next append; a head file ahead of the
/// database, or disagreeing with it, means entries were removed or rewritten, and appending is refused.
public final class SqliteAuditLog implements AuditLog, AutoCloseable {

    public static final String FILE_NAME = "audit.db";
    public static final String HEAD_FILE_NAME = FILE_NAME + ".head";

    private final Path file;
    private final HeadFile headFile;
    private final Connection connection;
    private final PreparedStatement insert;
    private final AuditChain chain = new AuditChain();

    private SqliteAuditLog(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.headFile = new HeadFile(file.resolveSibling(HEAD_FILE_NAME));
        this.connection = connection;
        this.insert = connection.prepareStatement(AuditRows.INSERT);
        headFile.removeOrphans();
    }

    /// Opens the log of a data folder, creating the folder and an empty log when there is none: what
    /// code that records decisions calls.
    public static SqliteAuditLog open(Path home) {
        Path file = home.resolve(FILE_NAME).toAbsolutePath();
        if (!Files.exists(file)) {
            var headFile = new HeadFile(file.resolveSibling(HEAD_FILE_NAME));
            Optional<AuditHead> recorded = headFile.read();
            if (recorded.isPresent() && recorded.get().seq() > 0) {
                throw new AuditLogException(file + " is missing, but " + headFile.file() + " records "
                        + recorded.get().seq() + " entries: the log was deleted or moved. Put it back, or move "
                        + headFile.name() + " away to start a new log");
            }
            AuditDatabase.create(file);
            if (recorded.isEmpty()) {
                writeGenesis(headFile);
            }
        }
        return wrap(file);
    }

    /// Opens the log of a data folder if it has one, creating nothing: for reading, verifying and exporting.
    public static Optional<SqliteAuditLog> openExisting(Path home) {
        Path file = home.resolve(FILE_NAME).toAbsolutePath();
        return Files.exists(file) ? Optional.of(wrap(file)) : Optional.empty();
    }

    /// Verifies the log of a data folder. A folder without a log holds 0 entries and is intact, unless its
    /// head file records entries (then the whole log was removed).
    public static ChainVerdict verifyAt(Path home) {
        Optional<SqliteAuditLog> existing = openExisting(home);
        if (existing.isPresent()) {
            try (SqliteAuditLog log = existing.get()) {
                return log.verify();
            }
        }
        Path headPath = home.resolve(HEAD_FILE_NAME).toAbsolutePath();
        try {
            Optional<AuditHead> recorded = new HeadFile(headPath).read();
            if (recorded.isPresent() && recorded.get().seq() > 0) {
                return new ChainVerdict.Truncated(0, AuditChain.GENESIS_HASH, recorded.get());
            }
        } catch (AuditLogException e) {
            return new ChainVerdict.HeadLost(0, AuditChain.GENESIS_HASH, HEAD_FILE_NAME + " is not a head record");
        }
        return new ChainVerdict.Intact(0, AuditChain.GENESIS_HASH);
    }

    private static SqliteAuditLog wrap(Path file) {
        Connection connection = AuditDatabase.open(file);
        try {
            return new SqliteAuditLog(file, connection);
        } catch (SQLException e) {
            AuditDatabase.closeQuietly(connection);
            throw AuditDatabase.failure(file, "cannot open", e);
        }
    }

    private static void writeGenesis(HeadFile headFile) {
        try {
            headFile.write(AuditHead.GENESIS);
        } catch (java.io.IOException e) {
            throw new AuditLogException("cannot write " + headFile.file() + ": " + AuditDatabase.reason(e), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public AuditEntry append(AuditRecord record) {
        return appendAll(List.of(record)).getFirst();
    }

    /// Appends in one transaction: one commit (one sync) for the lot, all or nothing.
    @Override
    public synchronized List<AuditEntry> appendAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        var appended = new ArrayList<AuditEntry>(records.size());
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                AuditHead head = newest();
                if (checkRecordedHead(head)) {
                    // The last append crashed before its head file write. Catch up first, under the write
                    // lock, so the head file never falls more than one append behind: the entries past it are
                    // the only ones whose removal would go unnoticed.
                    headFile.advance(head);
                }
                for (AuditRecord record : records) {
                    AuditEntry entry = chain.link(head, record);
                    AuditRows.bind(insert, entry);
                    insert.executeUpdate();
                    appended.add(entry);
                    head = AuditHead.of(entry);
                }
                s.executeUpdate("COMMIT");
                committed = true;
            } finally {
                if (!committed) {
                    rollback(s);
                }
            }
        } catch (SQLException e) {
            throw AuditDatabase.failure(file, "cannot append to", e);
        }
        headFile.advance(AuditHead.of(appended.getLast()));
        return appended;
    }

    /// Refuses to extend a log whose head file says entries were removed or rewritten: appending would
    /// hide the evidence. A missing head file is recreated by this append (verify reports it until then).
    /// True when the head file is behind the newest entry (and agrees with the log where it points).
    private boolean checkRecordedHead(AuditHead newest) throws SQLException {
        Optional<AuditHead> recorded;
        try {
            recorded = headFile.read();
        } catch (AuditLogException e) {
            throw new AuditLogException("refusing to append: " + e.getMessage(), e);
        }
        if (recorded.isEmpty()) {
            return false;
        }
        AuditHead h = recorded.get();
        if (h.seq() > newest.seq()) {
            throw new AuditLogException("refusing to append: " + headFile.name() + " records entry " + h.seq()
                    + " but " + FILE_NAME + " ends at entry " + newest.seq() + ": its newest entries were removed"
                    + " (see waiver audit verify)");
        }
        Optional<String> there = h.seq() == newest.seq() ? Optional.of(newest.hash()) : hashAt(h.seq());
        if (!there.equals(Optional.of(h.hash()))) {
            throw new AuditLogException("refusing to append: entry " + h.seq() + " of " + FILE_NAME
                    + " differs from the head recorded in " + headFile.name() + ": the log was rewritten"
                    + " (see waiver audit verify)");
        }
        return h.seq() < newest.seq();
    }

    private AuditHead newest() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? new AuditHead(rs.getLong(1), Objects.requireNonNullElse(rs.getString(2), "")) : AuditHead.GENESIS;
        } catch (IllegalArgumentException e) {
            throw new AuditLogException("refusing to append: the newest entry of " + file + " is malformed"
                    + " (see waiver audit verify)", e);
        }
    }

    private Optional<String> hashAt(long seq) throws SQLException {
        if (seq == 0) {
            return Optional.of(AuditChain.GENESIS_HASH);
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT hash FROM audit_entry WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void rollback(Statement s) {
        try {
            s.executeUpdate("ROLLBACK");
        } catch (SQLException e) {
            // SQLite already rolled back (it does after I/O errors): nothing is left to undo
        }
    }

    @Override
    public List<AuditEntry> entries() {
        return entries(AuditQuery.all());
    }

    @Override
    public List<AuditEntry> entries(AuditQuery query) {
        var result = new ArrayList<AuditEntry>();
        forEach(query, result::add);
        return result;
    }

    /// Streams the entries a query selects, oldest first, from one consistent snapshot; for logs too big
    /// to hold in memory at once. A row that is not an entry stops the walk with an [AuditLogException].
    public synchronized void forEach(AuditQuery query, Consumer<AuditEntry> action) {
        try (PreparedStatement s = AuditRows.select(connection, query); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                AuditEntry entry = AuditRows.read(rs);
                if (query.matches(entry.record())) {
                    action.accept(entry);
                }
            }
        } catch (AuditRows.UnreadableEntryException e) {
            throw new AuditLogException("entry " + e.seq() + " of " + file + " cannot be read: " + e.getMessage()
                    + " (see waiver audit verify)");
        } catch (SQLException e) {
            throw AuditDatabase.failure(file, "cannot read", e);
        }
    }

    @Override
    public synchronized AuditHead head() {
        try {
            return newest();
        } catch (SQLException e) {
            throw AuditDatabase.failure(file, "cannot read", e);
        }
    }

    /// Recomputes the chain from the first entry and checks it against the head file. The head file is
    /// read before the rows, so a concurrent append can only make the rows newer than it, never older.
    @Override
    public synchronized ChainVerdict verify() {
        Optional<AuditHead> recorded;
        Optional<String> headProblem = Optional.empty();
        try {
            recorded = headFile.read();
            if (recorded.isEmpty()) {
                headProblem = Optional.of(HEAD_FILE_NAME + " is missing");
            }
        } catch (AuditLogException e) {
            recorded = Optional.empty();
            headProblem = Optional.of(HEAD_FILE_NAME + " is not a head record");
        }
        ChainVerdict verdict;
        try {
            verdict = StoredChain.verify(file, connection, recorded);
        } catch (SQLException e) {
            throw AuditDatabase.failure(file, "cannot read", e);
        }
        if (verdict instanceof ChainVerdict.Intact intact && headProblem.isPresent()) {
            return new ChainVerdict.HeadLost(intact.count(), intact.headHash(), headProblem.get());
        }
        return verdict;
    }

    @Override
    public synchronized void close() {
        try {
            insert.close();
        } catch (SQLException e) {
            // closing the connection releases it anyway
        }
        AuditDatabase.closeQuietly(connection);
    }
}
