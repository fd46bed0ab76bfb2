package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.workspace.LoadProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The snapshot of a context's last full sync: stored whole, replaced whole, read back equal.
class SnapshotStoreTest {

    @TempDir
    Path home;

    private static ClusterRead read(String context, Instant at, String... names) {
        var objects = java.util.Arrays.stream(names).map(n -> ClusterObject.of(new java.util.LinkedHashMap<>(Map.of(
                "apiVersion", "kyverno.io/v2", "kind", "PolicyException",
                "metadata", Map.of("name", n, "namespace", "team-a", "resourceVersion", "7"),
                "spec", Map.of("exceptions", List.of(Map.of("policyName", "p", "ruleNames", List.of("r"))), "count", 3)))))
                .toList();
        return new ClusterRead(context, at, objects, Map.of("PolicyException", "v2"), Map.of("PolicyException", "7"),
                ExceptionNamespace.of("team-a", ExceptionNamespace.Origin.MOST_EXCEPTIONS),
                List.of(new LoadProblem("context " + context, 0, "no PolicyReports: the server does not serve wgpolicyk8s.io/v1alpha2")));
    }

    @Test
    void aSyncIsStoredAndReadBackWithoutItsListVersions() {
        var store = SnapshotStore.in(home);
        assertEquals(Optional.empty(), store.load("prod"));
        var at = Instant.parse("2026-11-23T10:15:30Z");
        store.save(read("prod", at, "b", "a"));

        ClusterRead back = store.load("prod").orElseThrow();
        assertEquals(at, back.readAt());
        assertEquals(List.of("b", "a"), back.objects().stream().map(ClusterObject::name).toList(), "kept in read order");
        assertEquals(read("prod", at, "b", "a").objects().getFirst().tree(), back.objects().getFirst().tree());
        assertEquals(Map.of("PolicyException", "v2"), back.servedVersions());
        assertEquals(Map.of(), back.listVersions(), "a watch cannot continue from a snapshot");
        assertEquals(ExceptionNamespace.of("team-a", ExceptionNamespace.Origin.MOST_EXCEPTIONS), back.exceptionNamespace());
        assertEquals(1, back.problems().size());
        assertEquals(Optional.of(at), store.syncedAt("prod"));
    }

    /// Saves from several threads can finish out of order (a relist's, the last changes' on closing): an
    /// older state arriving after a newer one does not replace it.
    @Test
    void aSnapshotNeverGoesBackInTime() {
        var store = SnapshotStore.in(home);
        store.save(read("prod", Instant.parse("2026-11-23T11:00:00Z"), "a", "b"));
        store.save(read("prod", Instant.parse("2026-11-23T10:59:59Z"), "a"));

        assertEquals(List.of("a", "b"), store.load("prod").orElseThrow().objects().stream().map(ClusterObject::name).toList());
        assertEquals(Optional.of(Instant.parse("2026-11-23T11:00:00Z")), store.syncedAt("prod"));
    }

    @Test
    void aNewSyncReplacesTheContextsRowsAndLeavesOtherContextsAlone() throws Exception {
        var store = SnapshotStore.in(home);
        store.save(read("prod", Instant.parse("2026-11-23T10:00:00Z"), "a", "b", "c"));
        store.save(read("staging", Instant.parse("2026-11-23T10:00:00Z"), "x"));
        store.save(read("prod", Instant.parse("2026-11-23T11:00:00Z"), "d"));

        assertEquals(List.of("d"), store.load("prod").orElseThrow().objects().stream().map(ClusterObject::name).toList());
        assertEquals(List.of("x"), store.load("staging").orElseThrow().objects().stream().map(ClusterObject::name).toList());
        Path file = home.resolve(SnapshotStore.FILE_NAME);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void contextsSavedAtOnceIntoANewFileAreAllKept() throws Exception {
        var store = SnapshotStore.in(home);
        var at = Instant.parse("2026-11-23T10:00:00Z");
        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var saves = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 4; i++) {
                String context = "ctx-" + i;
                saves.add(executor.submit(() -> store.save(read(context, at, "a"))));
            }
            for (var save : saves) {
                save.get();
            }
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(store.load("ctx-" + i).isPresent(), "ctx-" + i);
        }
    }
}
