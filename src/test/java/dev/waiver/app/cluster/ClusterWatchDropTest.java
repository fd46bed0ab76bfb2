package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.engine.exemption.Exemption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Watches that end while a reconnect attempt is already under way are reopened too: a drop is never
/// forgotten because another one is being dealt with, and the context is not reported live until it is.
class ClusterWatchDropTest {

    @TempDir
    Path dir;

    private final DroppableWatches watches = new DroppableWatches();
    private TestCluster cluster;
    private ScheduledExecutorService scheduler;

    @BeforeEach
    void start() {
        assumeFalse(TestCluster.real(), "ending watches from the server side needs the mock");
        cluster = TestCluster.start(watches);
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            scheduler.shutdownNow();
            cluster.close();
        }
    }

    @Test
    void anExceptionsWatchThatEndsWhileAnotherKindIsRelistedIsReopenedAndLaterExceptionsArrive() throws Exception {
        String policy = cluster.createClusterPolicy("require-labels", "Best Practices");
        cluster.createException("first", policy, "check");
        try (var connection = cluster.connect(dir, "prod")) {
            ClusterReader reader = connection.reader();
            ClusterRead read = reader.read(ReadScope.register(), p -> { });
            var events = new EventLog();
            // A relist hands its state over in the middle of the attempt: hold that attempt there.
            var relisting = new CountDownLatch(1);
            var carryOn = new CountDownLatch(1);
            try (var watch = new ClusterWatch(reader, read, events, scheduler, ClusterWatchTest.FAST, synced -> {
                relisting.countDown();
                await(carryOn, "the test to let the attempt go on");
            })) {
                watch.start();
                awaitTrue(watch::watchingAll, "the watches opened");

                watches.expire("clusterpolicies", cluster.admin().getKubernetesSerialization());
                await(relisting, "the attempt relisting ClusterPolicies after a 410");
                watches.cut("policyexceptions");
                awaitTrue(() -> !watch.watching(ResourceType.POLICY_EXCEPTION), "the exceptions' watch was seen to end");
                carryOn.countDown();

                cluster.createException("late", policy, "check");
                events.await(e -> e instanceof ClusterEvent.ExemptionChanged c && c.exemption().name().equals("late"));
                assertEquals(List.of("first", "late"), watch.workspace().exemptions().stream()
                        .filter(e -> e.namespace().equals(cluster.namespace())).map(Exemption::name).sorted().toList());
                awaitTrue(watch::watchingAll, "every kind is watched again");
                assertEquals(2, watches.opened("policyexceptions"), "reopened once, by one attempt");
                assertInstanceOf(ConnectionState.Live.class, watch.connectionState());
                assertTrue(events.all().stream().noneMatch(e -> e instanceof ClusterEvent.ConnectionChanged c
                        && c.state() instanceof ConnectionState.Offline), "the server answered throughout: " + events.all());
            }
        }
    }

    @Test
    void aContextIsNotReportedLiveWhileAWatchThatEndedDuringAnAttemptIsStillClosed() throws Exception {
        String policy = cluster.createClusterPolicy("require-labels", "Best Practices");
        cluster.createException("first", policy, "check");
        try (var connection = cluster.connect(dir, "prod")) {
            ClusterReader reader = connection.reader();
            ClusterRead read = reader.read(ReadScope.register(), p -> { });
            var events = new EventLog();
            var current = new AtomicReference<ClusterWatch>();
            var checking = new AtomicBoolean();
            var liveTooSoon = new CopyOnWriteArrayList<ClusterEvent>();
            // Called under the watch's lock: what it is watching cannot change while the state is reported.
            ClusterListener listener = event -> {
                if (checking.get() && event instanceof ClusterEvent.ConnectionChanged c
                        && c.state() instanceof ConnectionState.Live && !current.get().everyKindWatched()) {
                    liveTooSoon.add(event);
                }
                events.onEvent(event);
            };
            var relisting = new CountDownLatch(1);
            var carryOn = new CountDownLatch(1);
            try (var watch = new ClusterWatch(reader, read, listener, scheduler, ClusterWatchTest.FAST, synced -> {
                relisting.countDown();
                await(carryOn, "the test to let the attempt go on");
            })) {
                current.set(watch);
                watch.start();
                awaitTrue(watch::watchingAll, "the watches opened");
                checking.set(true);
                int before = events.all().size();

                watches.expire("clusterpolicies", cluster.admin().getKubernetesSerialization());
                await(relisting, "the attempt reopening ClusterPolicies, held while it relists");
                watches.cut("policyexceptions");
                awaitTrue(() -> !watch.watching(ResourceType.POLICY_EXCEPTION), "the exceptions' watch was seen to end");
                carryOn.countDown();

                awaitTrue(watch::watchingAll, "every kind is watched again");
                assertEquals(List.of(), liveTooSoon, "reported live while the exceptions were not watched");
                List<ConnectionState> reported = events.all().subList(before, events.all().size()).stream()
                        .filter(e -> e instanceof ClusterEvent.ConnectionChanged)
                        .map(e -> ((ClusterEvent.ConnectionChanged) e).state()).toList();
                assertEquals(2, reported.size(), "reconnecting, then live: " + reported);
                var reconnecting = assertInstanceOf(ConnectionState.Reconnecting.class, reported.get(0));
                assertEquals(1, reconnecting.attempt());
                assertEquals("the watch of policyexceptions.kyverno.io ended", reconnecting.reason());
                assertInstanceOf(ConnectionState.Live.class, reported.get(1));
                assertInstanceOf(ConnectionState.Live.class, watch.connectionState());

                cluster.createException("late", policy, "check");
                events.await(e -> e instanceof ClusterEvent.ExemptionChanged c && c.exemption().name().equals("late"));
            }
        }
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(15, TimeUnit.SECONDS)) {
                throw new AssertionError("waited 15 s for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what);
        }
    }

    /// Polls (up to 15 s) for a condition only the watch's state shows.
    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 15 s for " + what);
            }
            Thread.sleep(10);
        }
    }
}
