package dev.waiver.app.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.cluster.ClusterWatch;
import dev.waiver.app.cluster.ConnectionState;
import dev.waiver.app.cluster.ContextChoice;
import dev.waiver.app.cluster.SnapshotStore;
import dev.waiver.app.cluster.TestCluster;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The Clusters screen without a stage: where the kubeconfig is looked for, what a bad one says, the
/// contexts and choices, Connect, and each context's state in words.
class ClustersViewModelTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:30:00Z");

    @TempDir
    Path dir;

    private final ImmediateRunner runner = new ImmediateRunner();
    private final List<String> connected = new ArrayList<>();
    private ClusterSession session;

    private ClustersViewModel viewModel(KubeconfigSource source) {
        session = new ClusterSession(SnapshotStore.in(dir.resolve("home")), runner,
                new ClusterSession.Settings(TestCluster.fast(), ClusterWatch.Settings.defaults(), Duration.ZERO,
                        Duration.ofSeconds(30)), Clock.systemUTC());
        return new ClustersViewModel(source, session, runner,
                (kubeconfig, contexts) -> connected.add(kubeconfig.map(Path::toString).orElse("default") + " " + contexts));
    }

    @Test
    void noKubeconfigIsAnEmptyStateThatSaysWhereWaiverLooked() {
        var vm = viewModel(new KubeconfigSource(Optional.empty(), Optional.empty(), dir));
        vm.activate();
        assertTrue(vm.rows().isEmpty());
        assertEquals("No kubeconfig found. Waiver looked for " + dir.resolve(".kube").resolve("config")
                + " (KUBECONFIG is not set). Set KUBECONFIG, or start Waiver with --kubeconfig FILE.", vm.emptyTextProperty().get());
        assertEquals("", vm.problemProperty().get(), "no file is not an error");
        assertFalse(vm.canConnectProperty().get());

        var listed = viewModel(new KubeconfigSource(Optional.empty(), Optional.of("/a/one:/b/two"), dir));
        listed.activate();
        assertEquals("No kubeconfig found. Waiver looked for the files KUBECONFIG lists: /a/one, /b/two. "
                + "Set KUBECONFIG, or start Waiver with --kubeconfig FILE.", listed.emptyTextProperty().get());
    }

    @Test
    void aKubeconfigThatCannotBeReadIsOneMessageQuotingNothingFromIt() throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, "apiVersion: v1\nkind: Config\nusers:\n- name: ana\n  user: {token: \"" + TestCluster.TOKEN + "\"\n");
        var vm = viewModel(new KubeconfigSource(Optional.of(file), Optional.empty(), dir));
        vm.activate();
        String problem = vm.problemProperty().get();
        assertTrue(problem.startsWith(file + ": not a valid kubeconfig"), problem);
        assertFalse(problem.contains(TestCluster.TOKEN));
        assertTrue(vm.rows().isEmpty());
        assertEquals("The kubeconfig cannot be read.", vm.emptyTextProperty().get());
        assertFalse(vm.canConnectProperty().get());
    }

    @Test
    void listsTheContextsInFileOrderWithTheCurrentOneChosenAndConnectsTheChosenOnes() throws IOException {
        var servers = new LinkedHashMap<String, String>();
        servers.put("staging", "https://staging.example:6443");
        servers.put("prod", "https://prod.example:6443");
        Path file = TestCluster.kubeconfig(dir, servers);
        var vm = viewModel(new KubeconfigSource(Optional.of(file), Optional.empty(), dir));
        vm.activate();

        assertEquals("Kubeconfig: " + file, vm.kubeconfigTextProperty().get());
        assertEquals(List.of("staging", "prod"), vm.rows().stream().map(ContextRow::name).toList());
        ContextRow staging = vm.rows().getFirst();
        assertTrue(staging.current());
        assertEquals("https://staging.example:6443", staging.server());
        assertEquals("staging-user", staging.user());
        assertEquals("team-staging", staging.namespace());
        assertTrue(staging.selectedProperty().get(), "the current context is chosen to begin with");
        assertFalse(vm.rows().get(1).selectedProperty().get());
        assertEquals("", staging.stateProperty().get());
        assertTrue(vm.canConnectProperty().get());

        vm.selectAll(true);
        assertTrue(vm.allSelectedProperty().get());
        vm.refresh();
        assertTrue(vm.rows().stream().allMatch(r -> r.selectedProperty().get()), "choices survive a reload");
        vm.connect();
        assertEquals(List.of(file + " [staging, prod]"), connected);

        vm.selectAll(false);
        assertFalse(vm.canConnectProperty().get());
        vm.connect();
        assertEquals(1, connected.size(), "nothing chosen, nothing opened");
    }

    @Test
    void aContextThatCannotBeReadSaysWhyOnItsRowAndStoppingClearsIt() {
        Path file = TestCluster.kubeconfig(dir, java.util.Map.of("dead", TestCluster.unreachableUrl()));
        var vm = viewModel(new KubeconfigSource(Optional.of(file), Optional.empty(), dir));
        vm.activate();
        var failures = new ArrayList<String>();
        session.open(Optional.of(file), ContextChoice.named(List.of("dead")), new ContextFeed.Updates() {
            @Override
            public void workspace(Workspace workspace, ContextFeed.Stage stage) {
                throw new AssertionError("nothing to show");
            }

            @Override
            public void failed(String message) {
                failures.add(message);
            }
        });
        ContextRow dead = vm.rows().getFirst();
        assertTrue(dead.stateProperty().get().startsWith("failed: "), dead.stateProperty().get());
        assertTrue(dead.stateProperty().get().endsWith("; no snapshot of it yet"));
        assertEquals(ContextRow.Tone.FAILED, dead.toneProperty().get());
        assertEquals(1, failures.size());
        assertTrue(failures.getFirst().startsWith("context dead: "), failures.getFirst());
        assertFalse(session.connectingProperty().get());

        session.stop();
        assertEquals("", dead.stateProperty().get());
        assertEquals(ContextRow.Tone.IDLE, dead.toneProperty().get());
    }

    @Test
    void everyContextIsTheKubeconfigsContextsWhenTheyAreRead() {
        var servers = new LinkedHashMap<String, String>();
        servers.put("staging", TestCluster.unreachableUrl());
        servers.put("prod", TestCluster.unreachableUrl());
        Path file = TestCluster.kubeconfig(dir, servers);
        var vm = viewModel(new KubeconfigSource(Optional.of(file), Optional.empty(), dir));
        vm.activate();
        var failures = new ArrayList<String>();
        session.open(Optional.of(file), ContextChoice.every(), new ContextFeed.Updates() {
            @Override
            public void workspace(Workspace workspace, ContextFeed.Stage stage) {
                throw new AssertionError("nothing to show");
            }

            @Override
            public void failed(String message) {
                failures.add(message);
            }
        });
        assertEquals(List.of("staging", "prod"), session.openContextsProperty().get());
        for (ContextRow row : vm.rows()) {
            assertTrue(row.stateProperty().get().startsWith("failed: "), row.name() + ": " + row.stateProperty().get());
        }
        assertEquals(1, failures.size(), "one register of both, failed as one");
    }

    @Test
    void statesInWords() {
        assertEquals("reading…", ContextRow.text(new ContextStatus.Reading(0, "")));
        assertEquals("reading… 500 exceptions", ContextRow.text(new ContextStatus.Reading(500, "policyexceptions.kyverno.io")));
        assertEquals("reading clusterpolicies… (812 exceptions)",
                ContextRow.text(new ContextStatus.Reading(812, "clusterpolicies.kyverno.io")));
        assertEquals("connected · 1 exception", ContextRow.text(new ContextStatus.Watched(1, new ConnectionState.Live(AT))));
        assertEquals("reconnecting… (attempt 2: cannot reach the server)", ContextRow.text(new ContextStatus.Watched(3,
                new ConnectionState.Reconnecting(2, AT, "cannot reach the server"))));
        assertEquals("offline since 2026-11-23 09:30 UTC: cannot reach the server; showing the last state received (3 exceptions)",
                ContextRow.text(new ContextStatus.Watched(3, new ConnectionState.Offline("cannot reach the server", AT))));
        assertEquals("offline snapshot as of 2026-11-23 09:30 UTC (7 exceptions): the server did not answer in time",
                ContextRow.text(new ContextStatus.FromSnapshot(7, AT, "the server did not answer in time")));
        assertEquals("failed: no context 'x' in the kubeconfig", ContextRow.text(new ContextStatus.Failed("no context 'x' in the kubeconfig")));
        assertEquals("", ContextRow.text(null));

        assertEquals(ContextRow.Tone.BUSY, ContextRow.tone(new ContextStatus.Reading(0, "")));
        assertEquals(ContextRow.Tone.LIVE, ContextRow.tone(new ContextStatus.Watched(0, new ConnectionState.Live(AT))));
        assertEquals(ContextRow.Tone.WARNING, ContextRow.tone(new ContextStatus.Watched(0, new ConnectionState.Offline("x", AT))));
        assertEquals(ContextRow.Tone.WARNING, ContextRow.tone(new ContextStatus.FromSnapshot(0, AT, "x")));
    }
}
