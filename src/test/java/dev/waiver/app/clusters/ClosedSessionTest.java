package dev.waiver.app.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.app.cluster.ClusterWatch;
import dev.waiver.app.cluster.ContextChoice;
import dev.waiver.app.cluster.ResourceType;
import dev.waiver.app.cluster.SnapshotStore;
import dev.waiver.app.cluster.TestCluster;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.collections.MapChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Closing the cluster session (the window going away) is final: a read still under way ends without
/// watching anything, and nothing of the session keeps a thread alive or talks to a server afterwards.
class ClosedSessionTest {

    /// The name of the thread the session's watches reconnect on.
    private static final String SCHEDULER_THREAD = "waiver-watch-";

    @TempDir
    Path dir;

    private TestCluster prod;
    private Path kubeconfig;
    private Set<String> threadsBefore;

    @BeforeEach
    void server() throws InterruptedException {
        assumeFalse(TestCluster.real(), "the test counts the requests the server received");
        prod = TestCluster.start();
        prod.createException("debug-agent", "disallow-privileged", "privileged-containers");
        kubeconfig = TestCluster.kubeconfig(dir, Map.of("prod", prod.url()));
        prod.takeRequestPaths(); // the setup's
        threadsBefore = LiveThreads.named(SCHEDULER_THREAD);
    }

    @AfterEach
    void stop() {
        if (prod != null) {
            prod.close();
        }
    }

    @Test
    void aReadThatEndsAfterTheSessionClosedOpensNoWatchAndLeavesNoThread() throws InterruptedException {
        var session = session();
        var delivered = new Delivered();
        // The window closes while the context is read: after the last list, before the read hands over.
        session.statuses().addListener((MapChangeListener<String, ContextStatus>) change -> {
            if (change.getValueAdded() instanceof ContextStatus.Reading reading
                    && reading.resource().equals(ResourceType.NAMESPACE.resourceName())) {
                session.close();
            }
        });

        session.open(Optional.of(kubeconfig), ContextChoice.named(List.of("prod")), delivered); // the runner waits for the read

        List<String> requests = prod.takeRequestPaths();
        assertTrue(requests.stream().anyMatch(p -> p.contains("/namespaces?")), "the read went on to the end: " + requests);
        assertEquals(List.of(), watches(requests), "no watch was opened");
        assertEquals(threadsBefore, LiveThreads.named(SCHEDULER_THREAD), "no scheduler thread was left running");
        assertEquals(List.of(), delivered.all, "a closed session delivers nothing");
    }

    @Test
    void aClosedSessionOpensNothing() throws InterruptedException {
        var session = session();
        session.close();
        var delivered = new Delivered();

        session.open(Optional.of(kubeconfig), ContextChoice.named(List.of("prod")), delivered);

        assertEquals(List.of(), prod.takeRequestPaths(), "the server was not asked anything");
        assertEquals(threadsBefore, LiveThreads.named(SCHEDULER_THREAD), "no scheduler thread was started");
        assertTrue(session.statuses().isEmpty(), "no context is shown as being read");
        assertEquals(List.of(), delivered.all);
    }

    @Test
    void closingAWatchingSessionEndsItsSchedulerThread() throws InterruptedException {
        var session = session();
        session.open(Optional.of(kubeconfig), ContextChoice.named(List.of("prod")), new Delivered());
        assertNotEquals(threadsBefore, LiveThreads.named(SCHEDULER_THREAD), "watching runs on the scheduler's thread");

        session.close();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!LiveThreads.named(SCHEDULER_THREAD).equals(threadsBefore)) {
            assertTrue(System.nanoTime() < deadline, "the scheduler's thread outlived the session");
            Thread.sleep(20);
        }
    }

    private ClusterSession session() {
        return new ClusterSession(SnapshotStore.in(dir.resolve("home")), new ImmediateRunner(),
                new ClusterSession.Settings(TestCluster.fast(), ClusterWatch.Settings.defaults(), Duration.ZERO,
                        Duration.ofSeconds(30)), Clock.systemUTC());
    }

    private static List<String> watches(List<String> requests) {
        return requests.stream().filter(p -> p.contains("watch=true")).toList();
    }

    /// What the session delivered, in words.
    private static final class Delivered implements ContextFeed.Updates {
        final List<String> all = new ArrayList<>();

        @Override
        public void workspace(Workspace workspace, ContextFeed.Stage stage) {
            all.add(stage + " " + workspace.title());
        }

        @Override
        public void failed(String message) {
            all.add("failed: " + message);
        }
    }
}
