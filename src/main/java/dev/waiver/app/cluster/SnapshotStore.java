package dev.waiver.app.cluster;

import dev.waiver.app.workspace.LoadProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/// The last full sync of each context, in SQLite (`<home>/snapshots.db`), so the register opens at once
/// and still opens when the cluster is out of reach (a reviewer on a train). The window also saves what its
/// watches applied since (the state as of the save, while the connection was live).
///
/// A save replaces a context's rows in one transaction: a reader sees the previous sync or the new one,
/// never a mix, and a crash mid-save leaves the previous one. Only objects the server returned are
/// stored, never anything from the kubeconfig. The file is readable by its owner only, since cluster
/// objects are not for every local user.
public final class SnapshotStore {

    public static final String FILE_NAME = "snapshots.db";
    private static final List<String> MIGRATIONS = List.of("001-init.sql");

    private static final Map<Path, Object> WRITERS = new ConcurrentHashMap<>();

    /// Built on first save or read, not when the window makes its store before the first frame: a Jackson
    /// mapper costs a few hundred classes.
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
        static final TypeReference<LinkedHashMap<String, Object>> TREE = new TypeReference<>() { };
    }

    private final Path file;

    private SnapshotStore(Path file) {
        this.file = file;
    }

    /// The store in Waiver's data folder; the file is created on first save.
    public static SnapshotStore in(Path home) {
        return new SnapshotStore(home.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    public void save(ClusterRead read) {
        // One writer at a time in this process: SQLite answers "busy" at once, without waiting, to a second
        // connection that switches a brand-new file to WAL while the first is creating it.
        synchronized (writerLock()) {
            saveAlone(read);
        }
    }

    private Object writerLock() {
        return WRITERS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object());
    }

    private void saveAlone(ClusterRead read) {
        try (Connection db = open()) {
            db.setAutoCommit(false);
            if (holdsNewer(db, read)) {
                db.rollback();
                return;
            }
            try (var delete = db.prepareStatement("DELETE FROM object WHERE context = ?");
                 var insert = db.prepareStatement("INSERT OR REPLACE INTO object (context, kind, api_version, namespace, "
                         + "name, resource_version, body) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 var sync = db.prepareStatement("INSERT OR REPLACE INTO sync (context, synced_at, served_versions, "
                         + "exception_namespace, exception_namespace_origin, problems, object_count) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, read.context());
                delete.executeUpdate();
                int batched = 0;
                for (ClusterObject o : read.objects()) {
                    insert.setString(1, read.context());
                    insert.setString(2, o.kind());
                    insert.setString(3, o.apiVersion());
                    insert.setString(4, o.namespace());
                    insert.setString(5, o.name());
                    insert.setString(6, o.resourceVersion());
                    insert.setString(7, Json.MAPPER.writeValueAsString(o.tree()));
                    insert.addBatch();
                    if (++batched % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
                sync.setString(1, read.context());
                sync.setString(2, read.readAt().toString());
                sync.setString(3, Json.MAPPER.writeValueAsString(read.servedVersions()));
                sync.setString(4, read.exceptionNamespace().namespace().orElse(null));
                sync.setString(5, read.exceptionNamespace().origin().name());
                sync.setString(6, Json.MAPPER.writeValueAsString(read.problems().stream()
                        .map(p -> Map.of("file", p.file(), "message", p.message())).toList()));
                sync.setInt(7, read.objects().size());
                sync.executeUpdate();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SnapshotException("cannot save the snapshot of context " + read.context() + " in " + file
                    + ": " + e.getMessage(), e);
        }
    }

    /// Whether the context's stored snapshot is of a later state than `read`: saves from several threads
    /// (a relist, the changes of a live register, the last ones on closing) may finish out of order, and
    /// a snapshot never goes back in time.
    private static boolean holdsNewer(Connection db, ClusterRead read) throws SQLException {
        try (var stored = db.prepareStatement("SELECT synced_at FROM sync WHERE context = ?")) {
            stored.setString(1, read.context());
            try (var rs = stored.executeQuery()) {
                return rs.next() && rs.getString(1) != null && Instant.parse(rs.getString(1)).isAfter(read.readAt());
            }
        }
    }

    /// The last full sync of the context, with no list versions (a watch cannot continue from a snapshot).
    public Optional<ClusterRead> load(String context) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (Connection db = open();
             var sync = db.prepareStatement("SELECT synced_at, served_versions, exception_namespace, "
                     + "exception_namespace_origin, problems FROM sync WHERE context = ?");
             var objects = db.prepareStatement("SELECT body FROM object WHERE context = ? ORDER BY rowid")) {
            sync.setString(1, context);
            try (ResultSet row = sync.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                var list = new ArrayList<ClusterObject>();
                objects.setString(1, context);
                try (ResultSet rs = objects.executeQuery()) {
                    while (rs.next()) {
                        list.add(ClusterObject.of(Json.MAPPER.readValue(rs.getString(1), Json.TREE)));
                    }
                }
                Map<String, String> served = Json.MAPPER.readValue(row.getString(2), new TypeReference<LinkedHashMap<String, String>>() { });
                var namespace = new ExceptionNamespace(Optional.ofNullable(row.getString(3)),
                        ExceptionNamespace.Origin.valueOf(row.getString(4)));
                List<Map<String, String>> problems = Json.MAPPER.readValue(row.getString(5),
                        new TypeReference<List<Map<String, String>>>() { });
                return Optional.of(new ClusterRead(context, Instant.parse(row.getString(1)), list, served, Map.of(),
                        namespace, problems.stream().map(p -> new LoadProblem(p.get("file"), 0, p.get("message"))).toList()));
            }
        } catch (SQLException | RuntimeException e) {
            throw new SnapshotException("cannot read the snapshot of context " + context + " from " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /// When the context was last fully synced, without loading its objects.
    public Optional<Instant> syncedAt(String context) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (Connection db = open(); var q = db.prepareStatement("SELECT synced_at FROM sync WHERE context = ?")) {
            q.setString(1, context);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new SnapshotException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Connection open() throws SQLException {
        createPrivately();
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = db.createStatement()) {
            // Several contexts finish their reads together and each saves thousands of objects: a save waits
            // for the one before it rather than failing on a busy machine.
            s.execute("PRAGMA busy_timeout = 30000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            migrate(db, s);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /// Brings the schema up to date. Two contexts saved at once may both find a new file: the write lock
    /// taken first (`BEGIN IMMEDIATE`) makes the second wait and then find the schema already there.
    private static void migrate(Connection db, Statement s) throws SQLException {
        if (userVersion(s) >= MIGRATIONS.size()) {
            return;
        }
        s.execute("BEGIN IMMEDIATE");
        try {
            for (int i = userVersion(s); i < MIGRATIONS.size(); i++) {
                for (String statement : resource(MIGRATIONS.get(i)).split(";")) {
                    String sql = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
                s.execute("PRAGMA user_version = " + (i + 1));
            }
            s.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            s.execute("ROLLBACK");
            throw e;
        }
    }

    private static int userVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String resource(String name) {
        try (InputStream in = SnapshotStore.class.getResourceAsStream("/db/snapshots/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration /db/snapshots/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createPrivately() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another thread's save got there first
        } catch (IOException e) {
            throw new SnapshotException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /// The snapshot file could not be written or read; the live data is unaffected.
    public static final class SnapshotException extends RuntimeException {
        SnapshotException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
