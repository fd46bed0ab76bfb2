package dev.waiver.app.audit;

import dev.waiver.engine.audit.AuditChain;
import dev.waiver.engine.audit.AuditHead;
import dev.waiver.engine.audit.ChainVerdict;
import dev.waiver.engine.audit.ChainVerifier;
import dev.waiver.engine.ports.AuditLogException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/// Verification of the stored chain. Reading rows through JDBC costs more than hashing them, so a long
/// chain is cut into ranges of numbers that are read and checked side by side, one connection and one
/// core each. Each range starts from the stored hash of the entry before it; that entry is checked by
/// the range before, so together the ranges check every hash and every link. The first flaw in range
/// order is the first flaw of the chain.
final class StoredChain {

    /// Below this many entries one pass is quicker than opening more connections.
    private static final long PARALLEL_FROM = 50_000;
    private static final int MAX_RANGES = 4;

    private StoredChain() {
    }

    /// `main` is the log's own connection; `recorded` the head kept outside the database, read before this
    /// call, so rows appended meanwhile can only make the chain longer than it, never shorter.
    static ChainVerdict verify(Path file, Connection main, Optional<AuditHead> recorded) throws SQLException {
        long last = maxSeq(main);
        int cores = Runtime.getRuntime().availableProcessors();
        int ranges = last < PARALLEL_FROM ? 1 : (int) Math.min(Math.min(MAX_RANGES, cores), last / (PARALLEL_FROM / 2));
        return verify(file, main, recorded, ranges);
    }

    /// The same in a given number of ranges (1: one pass on `main`).
    static ChainVerdict verify(Path file, Connection main, Optional<AuditHead> recorded, int ranges) throws SQLException {
        long last = maxSeq(main);
        if (ranges < 2 || last < ranges) {
            return range(main, Long.MIN_VALUE, Long.MAX_VALUE, AuditHead.GENESIS, recorded);
        }
        var tasks = new ArrayList<Future<ChainVerdict>>();
        try (var pool = Executors.newFixedThreadPool(ranges, Thread.ofPlatform().name("audit-verify-", 1).daemon().factory())) {
            for (int i = 0; i < ranges; i++) {
                long from = i == 0 ? Long.MIN_VALUE : last * i / ranges;
                long to = i == ranges - 1 ? last : last * (i + 1) / ranges;
                AuditHead start = i == 0 ? AuditHead.GENESIS : storedHead(main, from);
                Optional<AuditHead> expected = recorded.filter(h -> h.seq() > from && (h.seq() <= to || to == last));
                tasks.add(pool.submit(() -> {
                    try (Connection reader = AuditDatabase.reader(file)) {
                        return range(reader, from, to, start, expected);
                    }
                }));
            }
            ChainVerdict verdict = null;
            for (Future<ChainVerdict> task : tasks) {
                verdict = task.get();
                if (!(verdict instanceof ChainVerdict.Intact)) {
                    return verdict;
                }
            }
            return verdict;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new AuditLogException("cannot verify " + file, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditLogException("verification of " + file + " was interrupted", e);
        }
    }

    /// Checks the entries numbered above `from` up to `to`, in order, starting from `start`. A range that
    /// stops short of `to` is missing its last entries: the first entry after it says which (as one pass
    /// would).
    private static ChainVerdict range(Connection connection, long from, long to, AuditHead start,
                                      Optional<AuditHead> expected) throws SQLException {
        var verifier = new ChainVerifier(start, expected);
        feed(connection, verifier, "seq > ? AND seq <= ? ORDER BY seq", from, to);
        if (!(verifier.verdict() instanceof ChainVerdict.Altered) && verifier.lastSeq() < to) {
            feed(connection, verifier, "seq > ? ORDER BY seq LIMIT ?", to, 1);
        }
        return verifier.verdict();
    }

    /// Streams the selected rows into the verifier until it finds a flaw.
    private static void feed(Connection connection, ChainVerifier verifier, String where, long a, long b) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + AuditRows.COLUMNS + " FROM audit_entry WHERE " + where)) {
            s.setLong(1, a);
            s.setLong(2, b);
            try (ResultSet rs = s.executeQuery()) {
                byte[][] fields = new byte[8][];
                boolean going = true;
                while (going && rs.next()) {
                    going = check(rs, fields, verifier);
                }
            }
        }
    }

    /// Hashes the stored bytes when they are in the chain's form (the common case, and twice as fast
    /// as making Strings); decodes the row otherwise, which also names what is unreadable. The hashes
    /// are compared as stored bytes too. `fields` is scratch space, refilled for every row.
    private static boolean check(ResultSet rs, byte[][] fields, ChainVerifier verifier) throws SQLException {
        long seq = rs.getLong(1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = rs.getBytes(i + 2);
        }
        byte[] previousHash = rs.getBytes(10);
        byte[] hash = rs.getBytes(11);
        if (previousHash != null && hash != null && AuditChain.isStoredForm(fields)) {
            return verifier.acceptStored(seq, fields, previousHash, hash);
        }
        try {
            return verifier.accept(AuditRows.read(rs));
        } catch (AuditRows.UnreadableEntryException e) {
            return verifier.reject(e.seq(), e.getMessage());
        }
    }

    private static long maxSeq(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM audit_entry")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /// The stored entry `seq` as a start for the next range. When it is missing or malformed the range
    /// before reports it (at or before `seq`), so any stand-in will do for this range.
    private static AuditHead storedHead(Connection connection, long seq) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT hash FROM audit_entry WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                String hash = rs.next() ? rs.getString(1) : null;
                return AuditHead.isHash(hash) && seq > 0 ? new AuditHead(seq, hash) : new AuditHead(Math.max(seq, 1), "f".repeat(64));
            }
        }
    }
}
