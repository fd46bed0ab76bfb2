package dev.waiver.app.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.app.cluster.ClusterObject;
import dev.waiver.app.cluster.ClusterWatch;
import dev.waiver.app.cluster.ContextChoice;
import dev.waiver.app.cluster.ResourceType;
import dev.waiver.app.cluster.SnapshotStore;
import dev.waiver.app.cluster.TestCluster;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Exemption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The snapshot a reviewer opens offline has what changed while the session watched, not only what the
/// last full read saw: saved a while after the change, and when the session closes with it unsaved.
class SessionSnapshotTest {

    @TempDir
    Path dir;

    private TestCluster prod;
    private Path kubeconfig;
    private SnapshotStore snapshots;

    @BeforeEach
    void server() {
        assumeFalse(TestCluster.real(), "the test kills its server");
        prod = TestCluster.start();
        prod.createException("debug-agent", "disallow-privileged", "privileged-containers");
        kubeconfig = TestCluster.kubeconfig(dir, Map.of("prod", prod.url()));
        snapshots = SnapshotStore.in(dir.resolve("home"));
    }

    @AfterEach
    void stop() {
        if (prod != null) {
            prod.close();
        }
    }

    @Test
    void anExceptionCreatedWhileWatchedIsInTheOfflineSnapshotAfterTheSessionCloses() throws InterruptedException {
        // An hour between saves: only closing the session can have saved the change.
        try (var session = session(Duration.ofHours(1))) {
            var shown = new Deliveries();
            session.open(Optional.of(kubeconfig), ContextChoice.named(List.of("prod")), shown);
            prod.createException("gpu-nodes", "disallow-host-path", "host-path");
            shown.await(ws -> names(ws).contains("gpu-nodes"));
            assertEquals(List.of("debug-agent"), snapshotNames(), "not saved yet");
        }
        prod.kill();

        try (var restarted = session(Duration.ofHours(1))) {
            var shown = new Deliveries();
            restarted.open(Optional.of(kubeconfig), ContextChoice.named(List.of("prod")), shown);
            Workspace offline = shown.await(ws -> !ws.offline().isEmpty());
            assertEquals(List.of("debug-agent", "gpu-nodes"), names(offline));
            assertTrue(offline.title().startsWith("prod (offline, as of "), offline.title());
        }
    }

    @Test
    void aChangeIsSavedTheIntervalAfterItArrivesWhileTheSessionWatches() throws InterruptedException {
        try (var session = session(Duration.ofMillis(200))) {
            var shown = new Deliveries();
            session.open(Optional.of(kubeconfig), ContextChoice.named(List.of("prod")), shown);
            prod.createException("gpu-nodes", "disallow-host-path", "host-path");
            shown.await(ws -> names(ws).contains("gpu-nodes"));

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!snapshotNames().contains("gpu-nodes")) {
                assertTrue(System.nanoTime() < deadline, "the change was never saved; the snapshot holds " + snapshotNames());
                Thread.sleep(20);
            }
            assertEquals(List.of("debug-agent", "gpu-nodes"), snapshotNames());
        }
    }

    private ClusterSession session(Duration snapshotEvery) {
        return new ClusterSession(snapshots, new ImmediateRunner(), new ClusterSession.Settings(TestCluster.fast(),
                ClusterWatch.Settings.defaults(), Duration.ZERO, snapshotEvery), Clock.systemUTC());
    }

    private static List<String> names(Workspace workspace) {
        return workspace.exemptions().stream().map(Exemption::name).sorted().toList();
    }

    private List<String> snapshotNames() {
        return snapshots.load("prod").orElseThrow().objectsOf(ResourceType.POLICY_EXCEPTION.kind()).stream().map(ClusterObject::name).sorted().toList();
    }

    /// The registers the session delivers, on whichever thread; a test waits (up to 15 s) for one.
    private static final class Deliveries implements ContextFeed.Updates {
        private final List<Workspace> workspaces = new ArrayList<>();

        @Override
        public synchronized void workspace(Workspace workspace, ContextFeed.Stage stage) {
            workspaces.add(workspace);
            notifyAll();
        }

        @Override
        public synchronized void failed(String message) {
            throw new AssertionError("nothing could be shown: " + message);
        }

        synchronized Workspace await(Predicate<Workspace> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (true) {
                for (Workspace ws : workspaces) {
                    if (wanted.test(ws)) {
                        return ws;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such register; got " + workspaces.stream().map(w -> w.title() + " "
                            + names(w)).toList());
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
