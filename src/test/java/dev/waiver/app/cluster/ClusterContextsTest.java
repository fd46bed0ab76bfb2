package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.app.workspace.OfflineSource;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.Source;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Two contexts of one kubeconfig, each its own API server: one register; one server dies and its part
/// comes from the snapshot, marked offline, while the other stays live.
class ClusterContextsTest {

    @TempDir
    Path dir;

    private TestCluster prod;
    private TestCluster staging;

    @BeforeEach
    void start() {
        assumeFalse(TestCluster.real(), "two servers, one of them killed, need the mock");
        prod = TestCluster.start();
        staging = TestCluster.start();
    }

    @AfterEach
    void stop() {
        if (prod != null) {
            prod.close();
            staging.close();
        }
    }

    @Test
    void twoContextsMergeIntoOneRegisterAndADeadServerIsServedFromItsSnapshot() throws Exception {
        prod.createException("debug-agent", "disallow-privileged", "privileged-containers");
        staging.createException("debug-agent", "disallow-privileged", "privileged-containers");
        staging.createException("load-test", "require-limits", "limits");
        var servers = new LinkedHashMap<String, String>();
        servers.put("prod", prod.url());
        servers.put("staging", staging.url());
        Path kubeconfig = TestCluster.kubeconfig(dir, servers);
        SnapshotStore snapshots = SnapshotStore.in(dir.resolve("home"));

        try (var connector = new ClusterConnector(Kubeconfigs.load(List.of(kubeconfig)), TestCluster.fast())) {
            var progress = new ConcurrentLinkedQueue<ReadProgress>();
            var loader = new ClusterWorkspaceLoader(connector, List.of("prod", "staging"), ReadScope.register(),
                    snapshots, Clock.systemUTC(), progress::add);
            List<ContextLoad> loads = loader.loadEach();
            assertInstanceOf(ContextLoad.Live.class, loads.get(0));
            assertInstanceOf(ContextLoad.Live.class, loads.get(1));
            Workspace both = ClusterWorkspaceLoader.merge(loads);
            assertEquals(List.of("prod:" + prod.namespace() + "/debug-agent", "staging:" + staging.namespace() + "/debug-agent",
                    "staging:" + staging.namespace() + "/load-test"), both.exemptions().stream().map(Exemption::id).toList());
            assertEquals(List.of(Source.context("prod"), Source.context("staging"), Source.context("staging")),
                    both.exemptions().stream().map(Exemption::source).toList());
            assertFalse(both.isOffline());
            assertTrue(progress.stream().anyMatch(p -> p.context().equals("prod")));
            assertTrue(progress.stream().anyMatch(p -> p.context().equals("staging")));

            // What the window shows at the next start, before any server answers.
            Workspace cached = loader.loadSnapshots().orElseThrow();
            assertEquals(3, cached.exemptions().size());
            assertEquals(List.of("prod", "staging"), cached.offline().stream().map(OfflineSource::context).toList());

            // Both watched; then staging's server goes away.
            var scheduler = Executors.newScheduledThreadPool(2);
            var prodEvents = new EventLog();
            var stagingEvents = new EventLog();
            var live = loads.stream().map(l -> (ContextLoad.Live) l).toList();
            try (var prodWatch = new ClusterWatch(connector.reader("prod", Clock.systemUTC()), live.get(0).read(), prodEvents,
                         scheduler, ClusterWatchTest.FAST, snapshots::save).start();
                 var stagingWatch = new ClusterWatch(connector.reader("staging", Clock.systemUTC()), live.get(1).read(),
                         stagingEvents, scheduler, ClusterWatchTest.FAST, snapshots::save).start()) {
                stagingEvents.await(e -> e instanceof ClusterEvent.ConnectionChanged c && c.state() instanceof ConnectionState.Live);
                Thread.sleep(300);
                staging.kill();
                stagingEvents.await(e -> e instanceof ClusterEvent.ConnectionChanged c && c.state() instanceof ConnectionState.Offline);

                prod.createException("new-in-prod", "disallow-privileged", "privileged-containers");
                prodEvents.await(e -> e instanceof ClusterEvent.ExemptionChanged c && c.exemption().name().equals("new-in-prod"));
                assertInstanceOf(ConnectionState.Live.class, prodWatch.connectionState());
                assertInstanceOf(ConnectionState.Offline.class, stagingWatch.connectionState());
            } finally {
                scheduler.shutdownNow();
            }

            // A fresh load (the app started again): prod live, staging from its snapshot.
            List<ContextLoad> again = loader.loadEach();
            assertInstanceOf(ContextLoad.Live.class, again.get(0));
            var fromSnapshot = assertInstanceOf(ContextLoad.FromSnapshot.class, again.get(1), again.get(1).toString());
            assertTrue(fromSnapshot.reason().contains("not reachable") || fromSnapshot.reason().contains("timed out")
                    || fromSnapshot.reason().contains("connection was cut"),
                    fromSnapshot.reason());
            Workspace merged = ClusterWorkspaceLoader.merge(again);
            assertEquals(4, merged.exemptions().size());
            assertTrue(merged.isOffline());
            OfflineSource offline = merged.offline().getFirst();
            assertEquals("staging", offline.context());
            assertEquals(fromSnapshot.snapshot().readAt(), offline.asOf());
            String asOf = ClusterWorkspaces.asOf(offline.asOf());
            assertTrue(merged.title().contains("staging (offline, as of " + asOf + ")"), merged.title());
            assertTrue(merged.problems().getFirst().toString().startsWith("context staging: offline, as of " + asOf + ": "),
                    merged.problems().getFirst().toString());
        }
    }
}
