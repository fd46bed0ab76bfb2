package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.engine.exemption.Exemption;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// What the CRUD mock does not do and a real API server does: pages with continue tokens, 410 Gone,
/// 401, 403 and a server that never answers. Here the mock answers each request as scripted.
class ClusterStrictServerTest {

    @TempDir
    Path dir;

    private ApiServerStub stub;

    @BeforeEach
    void start() {
        assumeFalse(TestCluster.real(), "scripted answers need the mock");
        stub = new ApiServerStub().kyverno();
    }

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void everyPageIsFetchedWithALimitAndTheContinueToken() throws Exception {
        stub.expectList("limit=500", ApiServerStub.exceptions(0, 500), "900", "page-2");
        stub.expectList("continue=page-2&limit=500", ApiServerStub.exceptions(500, 500), "900", "page-3");
        stub.expectList("continue=page-3&limit=500", ApiServerStub.exceptions(1000, 200), "900", null);
        try (var connector = stub.connector(dir, TestCluster.fast())) {
            var progress = new ArrayList<ReadProgress>();
            ClusterRead read = connector.reader("stub", Clock.systemUTC()).read(ReadScope.register(), progress::add);

            assertEquals(1200, read.objectsOf("PolicyException").size());
            assertEquals(1200, ClusterWorkspaces.live(read).exemptions().stream().map(Exemption::id).distinct().count());
            assertEquals("900", read.listVersions().get("PolicyException"));
            List<String> lists = stub.paths().stream().filter(p -> p.startsWith(ApiServerStub.EXCEPTIONS + "?")).toList();
            assertEquals(List.of(ApiServerStub.EXCEPTIONS + "?limit=500", ApiServerStub.EXCEPTIONS + "?continue=page-2&limit=500",
                    ApiServerStub.EXCEPTIONS + "?continue=page-3&limit=500"), lists);
            assertEquals(List.of(500, 1000, 1200), progress.stream().filter(p -> p.resource().equals("policyexceptions.kyverno.io"))
                    .map(ReadProgress::loaded).toList());
        }
    }

    @Test
    void anExpiredContinueTokenStartsTheListAgain() {
        stub.expectList("limit=500", ApiServerStub.exceptions(0, 500), "900", "page-2");
        stub.expectStatus(ApiServerStub.EXCEPTIONS + "?continue=page-2&limit=500", 410, "Expired",
                "The provided continue parameter is too old to display a consistent list result.");
        stub.expectList("limit=500", ApiServerStub.exceptions(0, 3), "950", null);
        try (var connector = stub.connector(dir, TestCluster.fast())) {
            ClusterRead read = connector.reader("stub", Clock.systemUTC()).read(ReadScope.register(), p -> { });
            assertEquals(3, read.objectsOf("PolicyException").size());
            assertEquals("950", read.listVersions().get("PolicyException"));
        }
    }

    @Test
    void a410OnTheWatchListsAgainAndResumesFromTheNewList() throws Exception {
        stub.quietPolicyWatches();
        stub.expectList("limit=500", List.of(ApiServerStub.exception("team-a", "old", "100")), "100", null);
        stub.expectList("limit=500", List.of(ApiServerStub.exception("team-a", "old", "100"),
                ApiServerStub.exception("team-a", "missed", "150")), "200", null);
        stub.server.expect().get().withPath(ApiServerStub.EXCEPTIONS + "?allowWatchBookmarks=true&resourceVersion=100&watch=true")
                .andUpgradeToWebSocket().open().waitFor(50).andEmit(new WatchEvent(new StatusBuilder().withCode(410)
                        .withReason("Expired").withMessage("too old resource version: 100 (150)").build(), "ERROR")).done().once();
        stub.quietWatch(ApiServerStub.EXCEPTIONS + "?allowWatchBookmarks=true&resourceVersion=200&watch=true");
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        try (var connector = stub.connector(dir, TestCluster.fast())) {
            ClusterReader reader = connector.reader("stub", Clock.systemUTC());
            ClusterRead read = reader.read(ReadScope.register(), p -> { });
            var events = new EventLog();
            var synced = new CopyOnWriteArrayList<ClusterRead>();
            try (var watch = new ClusterWatch(reader, read, events, scheduler, ClusterWatchTest.FAST, synced::add).start()) {
                var resynced = (ClusterEvent.Resynced) events.await(e -> e instanceof ClusterEvent.Resynced);
                assertEquals(List.of("missed", "old"), resynced.workspace().exemptions().stream().map(Exemption::name).sorted().toList());
                awaitTrue(() -> synced.size() == 1, "a relist is a full sync: the snapshot is replaced");
                awaitPath(ApiServerStub.EXCEPTIONS + "?allowWatchBookmarks=true&resourceVersion=200&watch=true");
                assertTrue(events.all().stream().noneMatch(e -> e instanceof ClusterEvent.ConnectionChanged c
                        && !(c.state() instanceof ConnectionState.Live)), events.all().toString());
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void unauthorizedIsOneClearLine() {
        stub.server.clearExpectations();
        stub.expectStatus("/apis/kyverno.io/v2", 401, "Unauthorized", "Unauthorized");
        try (var connector = stub.connector(dir, TestCluster.fast())) {
            var loader = new ClusterWorkspaceLoader(connector, List.of("stub"), ReadScope.register(),
                    SnapshotStore.in(dir), Clock.systemUTC(), p -> { });
            var error = assertThrows(ClusterUnavailableException.class, loader::load);
            assertEquals("context stub: cannot discover kyverno.io/v2: unauthorized, the server rejected the credentials"
                    + " (log in again or refresh the token); no snapshot of it yet", error.getMessage());
        }
    }

    @Test
    void forbiddenNamesTheResourceAndWhereAndTheRestIsStillRead() {
        stub.expectStatus(ApiServerStub.EXCEPTIONS + "?limit=500", 403, "Forbidden", "policyexceptions.kyverno.io is forbidden: "
                + "User \"bob\" cannot list resource \"policyexceptions\" in API group \"kyverno.io\" at the cluster scope");
        try (var connector = stub.connector(dir, TestCluster.fast())) {
            ClusterRead read = connector.reader("stub", Clock.systemUTC()).read(ReadScope.register(), p -> { });
            assertEquals(List.of("context stub: cannot list policyexceptions.kyverno.io in all namespaces: forbidden "
                    + "(policyexceptions.kyverno.io is forbidden: User \"bob\" cannot list resource \"policyexceptions\" "
                    + "in API group \"kyverno.io\" at the cluster scope)"), read.problems().stream().map(Object::toString).toList());
            assertEquals("10", read.listVersions().get("ClusterPolicy"), "policies were still listed");
        }
    }

    @Test
    void aServerThatNeverAnswersIsReportedWithinTheTimeout() throws Exception {
        try (var blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var accepted = new CopyOnWriteArrayList<Socket>();
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(blackHole.accept()); // and never answer
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            Path file = TestCluster.kubeconfig(dir, java.util.Map.of("silent", "http://127.0.0.1:" + blackHole.getLocalPort()));
            var settings = new ClientSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 0);
            try (var connector = new ClusterConnector(Kubeconfigs.load(List.of(file)), settings)) {
                long started = System.nanoTime();
                var error = assertThrows(ClusterUnavailableException.class,
                        () -> connector.reader("silent", Clock.systemUTC()).read(ReadScope.register(), p -> { }));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertEquals("context silent: cannot discover kyverno.io/v2: the server did not answer in time (timed out)",
                        error.getMessage());
                assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "took " + took);
            }
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            Thread.sleep(20);
        }
    }

    private void awaitPath(String path) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        var seen = new ArrayList<String>();
        while (System.nanoTime() < deadline) {
            seen.addAll(stub.paths());
            if (seen.contains(path)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " never requested; saw " + seen);
    }
}
