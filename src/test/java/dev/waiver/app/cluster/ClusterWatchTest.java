package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.engine.exemption.Exemption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Live updates: what others change on the server reaches the register through the watch, and a server
/// that goes away is reported as reconnecting, then offline.
class ClusterWatchTest {

    static final ClusterWatch.Settings FAST = new ClusterWatch.Settings(
            new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.2), 3, Duration.ofSeconds(30), new Random(7));

    @TempDir
    Path dir;

    private TestCluster cluster;
    private ScheduledExecutorService scheduler;

    @BeforeEach
    void start() {
        cluster = TestCluster.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        cluster.close();
    }

    @Test
    void createsEditsAndDeletesBehindTheReadersBackArriveThroughTheWatch() throws Exception {
        String policy = cluster.createClusterPolicy("require-labels", "Best Practices");
        cluster.createException("first", policy, "check");
        try (var connection = cluster.connect(dir, "prod")) {
            ClusterReader reader = connection.reader();
            ClusterRead read = reader.read(ReadScope.register(), p -> { });
            var events = new EventLog();
            var synced = new java.util.concurrent.CopyOnWriteArrayList<ClusterRead>();
            try (var watch = new ClusterWatch(reader, read, events, scheduler, FAST, synced::add).start()) {
                events.await(e -> e instanceof ClusterEvent.ConnectionChanged c && c.state() instanceof ConnectionState.Live);
                String prefix = connection.context() + ":" + cluster.namespace() + "/";

                cluster.createException("second", policy, "check");
                var added = (ClusterEvent.ExemptionChanged) events.await(e -> e instanceof ClusterEvent.ExemptionChanged c
                        && c.exemption().name().equals("second"));
                assertEquals(prefix + "second", added.exemption().id());

                cluster.exceptions().inNamespace(cluster.namespace()).withName("first").edit(r -> {
                    r.getMetadata().getAnnotations().put("waiver.dev/ticket", "SEC-42");
                    return r;
                });
                var edited = (ClusterEvent.ExemptionChanged) events.await(e -> e instanceof ClusterEvent.ExemptionChanged c
                        && c.exemption().name().equals("first") && c.exemption().justification().ticket().isPresent());
                assertEquals(java.util.Optional.of("SEC-42"), edited.exemption().justification().ticket());

                cluster.exceptions().inNamespace(cluster.namespace()).withName("second").delete();
                var removed = (ClusterEvent.ExemptionRemoved) events.await(e -> e instanceof ClusterEvent.ExemptionRemoved);
                assertEquals(prefix + "second", removed.exemptionId());

                String other = cluster.createClusterPolicy("disallow-latest", "Supply Chain");
                var policies = (ClusterEvent.PoliciesChanged) events.await(e -> e instanceof ClusterEvent.PoliciesChanged p
                        && p.catalog().find(other).isPresent());
                assertEquals(List.of("Supply Chain"), policies.catalog().checkTypes(other));

                var names = watch.workspace().exemptions().stream().filter(e -> e.namespace().equals(cluster.namespace()))
                        .map(Exemption::name).toList();
                assertEquals(List.of("first"), names, "the held state has every change applied");
                assertInstanceOf(ConnectionState.Live.class, watch.connectionState());
                assertTrue(synced.isEmpty(), "no relist was needed");
            }
        }
    }

    @Test
    void aServerThatGoesAwayIsReconnectingThenOffline() throws Exception {
        assumeFalse(TestCluster.real());
        cluster.createException("first", "p", "r");
        Path file = TestCluster.kubeconfig(dir, Map.of("prod", cluster.url()));
        try (var connector = new ClusterConnector(Kubeconfigs.load(List.of(file)), TestCluster.fast())) {
            ClusterReader reader = connector.reader("prod", java.time.Clock.systemUTC());
            ClusterRead read = reader.read(ReadScope.register(), p -> { });
            var events = new EventLog();
            try (var watch = new ClusterWatch(reader, read, events, scheduler, FAST, r -> { }).start()) {
                events.await(e -> e instanceof ClusterEvent.ConnectionChanged c && c.state() instanceof ConnectionState.Live);
                awaitWatching(watch); // cut earlier, the attempt opening the watches would say why instead
                cluster.kill();

                var reconnecting = (ClusterEvent.ConnectionChanged) events.await(e -> e instanceof ClusterEvent.ConnectionChanged c
                        && c.state() instanceof ConnectionState.Reconnecting);
                var state = (ConnectionState.Reconnecting) reconnecting.state();
                assertEquals(1, state.attempt());
                assertTrue(state.reason().matches("cannot reach the server: (connection refused: the server is not reachable|"
                        + "the server did not answer in time \\(timed out\\)|the connection was cut before the server answered)"),
                        state.reason());

                var offline = (ClusterEvent.ConnectionChanged) events.await(e -> e instanceof ClusterEvent.ConnectionChanged c
                        && c.state() instanceof ConnectionState.Offline);
                String reason = ((ConnectionState.Offline) offline.state()).reason();
                assertTrue(reason.startsWith("cannot reach the server: "), reason);
                var attempts = events.all().stream().filter(e -> e instanceof ClusterEvent.ConnectionChanged c
                        && c.state() instanceof ConnectionState.Reconnecting).count();
                assertEquals(FAST.offlineAfter(), attempts, "reconnecting, attempt by attempt, before offline");
                assertEquals(List.of("first"), watch.workspace().exemptions().stream().map(Exemption::name).toList(),
                        "what was read stays shown");
            }
        }
    }

    /// Waits (up to 15 s) until every kind is watched and no attempt is under way.
    private static void awaitWatching(ClusterWatch watch) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!watch.watchingAll()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the watches did not open; connection " + watch.connectionState());
            }
            Thread.sleep(10);
        }
    }
}
