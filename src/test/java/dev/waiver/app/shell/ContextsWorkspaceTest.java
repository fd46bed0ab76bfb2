package dev.waiver.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.AppOptions;
import dev.waiver.app.cluster.ContextChoice;
import dev.waiver.app.clusters.ContextFeed;
import dev.waiver.app.exceptions.ExceptionListViewModel;
import dev.waiver.app.exceptions.Fixture;
import dev.waiver.app.settings.Settings;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.FolderWorkspace;
import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.OfflineSource;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.exemption.StatusRules;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Kubeconfig contexts as the window's workspace, without a toolkit or a cluster: how they are chosen at
/// start (`--context`, `--all-contexts`) and remembered, how the snapshot, the live read and the changes after it reach the register,
/// that a review step shows in the register without reconnecting, and that opening anything else stops the
/// watches.
class ContextsWorkspaceTest {

    private static final Instant SYNCED = Instant.parse("2026-06-15T08:00:00Z");

    @TempDir
    Path home;

    private Settings settings;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final FakeFeed feed = new FakeFeed();
    /// What the review store holds beside the clusters' exceptions (requests not applied yet).
    private final List<Exemption> stored = new ArrayList<>();
    private ExceptionListViewModel exceptions;
    private MainWindowViewModel vm;

    @BeforeEach
    void build() {
        settings = Settings.load(home.resolve(Settings.FILE_NAME));
        var runner = new ImmediateRunner();
        exceptions = new ExceptionListViewModel(runner, Fixture.CLOCK, new Selection<>(), (ws, now) -> List.copyOf(stored));
        vm = new MainWindowViewModel(exceptions, new DefaultWorkspaceLoaders(), Fixture.CLOCK, settings, runner, dialogs, feed);
    }

    @Test
    void theContextOptionsOpenContextsAndTheChoiceSurvivesTheSettingsFile() {
        Path kubeconfig = Path.of("/home/ana/.kube/lab config");
        assertEquals(new WorkspaceChoice.Contexts(Optional.of(kubeconfig), List.of()),
                WorkspaceChoice.initial(Optional.empty(), Optional.of(kubeconfig), ContextChoice.named(List.of()), settings, p -> true),
                "--kubeconfig alone: its current context");
        assertEquals(new WorkspaceChoice.Contexts(Optional.empty(), List.of("prod", "staging")),
                WorkspaceChoice.initial(Optional.empty(), Optional.empty(), ContextChoice.named(List.of("prod", "staging")), settings, p -> true));
        assertEquals(new WorkspaceChoice.Folder(Path.of("/gitops")),
                WorkspaceChoice.initial(Optional.of(Path.of("/gitops")), Optional.of(kubeconfig), ContextChoice.named(List.of("prod")), settings, p -> true),
                "--dir names the workspace; --kubeconfig then only feeds the Clusters screen");

        var odd = new WorkspaceChoice.Contexts(Optional.of(kubeconfig), List.of("arn:aws:eks:eu-west-1:1:cluster/a,b", "x;y=z"));
        settings.put(WorkspaceChoice.SETTING, odd.settingValue());
        assertEquals(odd, WorkspaceChoice.initial(Optional.empty(), settings, p -> true));
        var plain = new WorkspaceChoice.Contexts(Optional.empty(), List.of("prod"));
        assertEquals("contexts:prod", plain.settingValue());
        assertEquals(Optional.of(plain), WorkspaceChoice.fromSetting("contexts:prod"));
        assertEquals(Optional.empty(), WorkspaceChoice.fromSetting("contexts:prod;bogus"));
    }

    @Test
    void allContextsOpensEveryContextOfTheKubeconfigAndIsRememberedAsEveryOne() {
        Path kubeconfig = Path.of("/home/ana/.kube/lab config").toAbsolutePath();
        var options = AppOptions.parse(List.of("--home", home.toString(), "--kubeconfig", kubeconfig.toString(), "--all-contexts"));
        WorkspaceChoice all = WaiverApp.initialChoice(options, settings);
        assertEquals(new WorkspaceChoice.Contexts(Optional.of(kubeconfig), ContextChoice.every()), all);
        assertEquals(new WorkspaceChoice.Contexts(Optional.empty(), ContextChoice.every()),
                WaiverApp.initialChoice(AppOptions.parse(List.of("--all-contexts")), settings), "the default kubeconfig's");

        vm.start(all);
        assertEquals(List.of("stop", "open " + kubeconfig + " all"), feed.calls, "which contexts there are is read with the rest");
        feed.updates.workspace(contextWorkspace("prod", 2), ContextFeed.Stage.READ);
        String remembered = settings.get(WorkspaceChoice.SETTING).orElseThrow();
        assertEquals(all, WorkspaceChoice.initial(Optional.empty(), settings, p -> true),
                "the next start opens every context again, those added meanwhile too: " + remembered);
        assertEquals(Optional.empty(), WorkspaceChoice.fromSetting("contexts:prod;all"), "not both");

        var both = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--all-contexts", "--context", "prod")));
        assertEquals("--all-contexts reads every context, --context only the ones it names: choose one", both.getMessage());
        var folder = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--dir", "/gitops", "--all-contexts")));
        assertEquals("--dir reads a folder, --all-contexts reads every context: choose one", folder.getMessage());
    }

    @Test
    void theSnapshotShowsFirstMarkedOfflineThenTheLiveReadThenEachChange() {
        vm.openContexts(Optional.empty(), List.of("prod"));
        assertEquals(List.of("stop", "open default [prod]"), feed.calls);
        assertEquals("Loading…", vm.workspaceTitleProperty().get());

        Workspace live = contextWorkspace("prod", 9);
        String asOf = "2026-06-15 08:00 UTC";
        feed.updates.workspace(live.withTitle("prod (offline, as of " + asOf + ")").withOffline(
                List.of(new OfflineSource("prod", SYNCED, "not read yet")),
                List.of(new LoadProblem("context prod", 0, "offline, as of " + asOf + ": not read yet"))), ContextFeed.Stage.SNAPSHOT);
        assertEquals("prod (offline, as of " + asOf + ")", vm.workspaceTitleProperty().get());
        assertEquals("context prod · offline, as of " + asOf, vm.workspaceSourceProperty().get());
        assertEquals("9 shown / 9 total", vm.rowSummaryProperty().get());
        assertFalse(exceptions.problemsShownProperty().get(), "the snapshot is no problem to open a panel for");
        assertEquals("contexts:prod", settings.get(WorkspaceChoice.SETTING).orElseThrow());
        assertInstanceOf(WorkspaceChoice.Contexts.class, vm.currentProperty().get());

        feed.updates.workspace(live, ContextFeed.Stage.READ);
        assertEquals("prod", vm.workspaceTitleProperty().get());
        assertEquals("context prod", vm.workspaceSourceProperty().get());

        settings.put(WorkspaceChoice.SETTING, "demo"); // whatever a change does, it does not write the setting again
        feed.updates.workspace(contextWorkspace("prod", 5), ContextFeed.Stage.CHANGE);
        assertEquals("5 shown / 5 total", vm.rowSummaryProperty().get());
        assertEquals("demo", settings.get(WorkspaceChoice.SETTING).orElseThrow());
        assertFalse(exceptions.problemsShownProperty().get());

        vm.openDemo();
        assertEquals("stop", feed.calls.getLast(), "another workspace stops the watches");
        assertTrue(dialogs.shown.isEmpty());
    }

    @Test
    void aContextServedFromItsSnapshotOpensNoProblemsPanelButOneThatFailedDoes() {
        vm.openContexts(Optional.empty(), List.of("prod", "dev"));
        Workspace offline = contextWorkspace("prod", 3).withOffline(List.of(new OfflineSource("prod", SYNCED, "timed out")),
                List.of(new LoadProblem("context prod", 0, "offline, as of 2026-06-15 08:00 UTC: timed out")));
        feed.updates.workspace(offline, ContextFeed.Stage.READ);
        assertEquals("1 load problem", vm.problemSummaryProperty().get());
        assertFalse(exceptions.problemsShownProperty().get(), "the title says offline; nothing is hidden");

        vm.openContexts(Optional.empty(), List.of("prod", "dev"));
        var failed = new ArrayList<>(offline.problems());
        failed.add(new LoadProblem("context dev", 0, "cannot reach the server; no snapshot of it yet"));
        feed.updates.workspace(new Workspace(offline.title(), offline.source(), offline.exemptions(), offline.policies(),
                List.of(), List.of(), failed, offline.offline()), ContextFeed.Stage.READ);
        assertTrue(exceptions.problemsShownProperty().get(), "a context that could not be read at all hides its exceptions");
    }

    @Test
    void contextsThatCannotBeReadAtAllAreReportedLikeAFolderThatCannotBe() {
        vm.openDemo();
        vm.openContexts(Optional.empty(), List.of("prod"));
        feed.updates.failed("context prod: cannot reach the server; no snapshot of it yet");
        assertEquals(List.of("error: Cannot open workspace: context prod: cannot reach the server; no snapshot of it yet"), dialogs.shown);
        assertEquals("context prod: cannot reach the server; no snapshot of it yet", exceptions.errorMessageProperty().get());
        assertInstanceOf(WorkspaceChoice.Demo.class, vm.currentProperty().get());
        assertEquals("demo", settings.get(WorkspaceChoice.SETTING).orElseThrow());
    }

    @Test
    void aReviewStepShowsTheStoredRequestInTheLastDeliveredRegisterWithoutReconnecting() {
        Workspace fixture = FolderWorkspace.loader(Fixture.folder()).load();
        Exemption request = fixture.exemptions().stream()
                .filter(e -> StatusRules.statusAt(e, Fixture.NOW) == ExemptionStatus.IN_REVIEW).findFirst().orElseThrow();
        vm.openContexts(Optional.empty(), List.of("prod"));
        vm.refreshRegister();
        assertEquals(List.of("stop", "open default [prod]"), feed.calls, "nothing delivered yet: nothing to do");
        feed.updates.workspace(contextWorkspace("prod", 3), ContextFeed.Stage.READ);
        feed.updates.workspace(contextWorkspace("prod", 5), ContextFeed.Stage.CHANGE);
        settings.put(WorkspaceChoice.SETTING, "demo");

        stored.add(request); // a review step recorded a request
        vm.refreshRegister();

        assertEquals(List.of("stop", "open default [prod]"), feed.calls, "the watches keep running; no server is read again");
        assertEquals("6 shown / 6 total", vm.rowSummaryProperty().get(), "the last change the watch delivered, and the request");
        assertTrue(exceptions.rows().stream().anyMatch(r -> r.name().equals(request.name())
                && r.status() == ExemptionStatus.IN_REVIEW));
        assertEquals("prod", vm.workspaceTitleProperty().get());
        assertEquals("context prod", vm.workspaceSourceProperty().get());
        assertEquals("demo", settings.get(WorkspaceChoice.SETTING).orElseThrow(), "nothing new to remember");
        assertTrue(dialogs.shown.isEmpty());

        vm.reload();
        assertEquals(List.of("stop", "open default [prod]", "stop", "open default [prod]"), feed.calls,
                "Reload still reconnects: the user asked for it");
    }

    @Test
    void aReviewStepAfterTheContextsFailedLeavesTheFailureShown() {
        vm.openContexts(Optional.empty(), List.of("prod"));
        feed.updates.workspace(contextWorkspace("prod", 3), ContextFeed.Stage.SNAPSHOT);
        feed.updates.failed("context prod: the read was cut short");
        stored.add(contextWorkspace("prod", 4).exemptions().getLast());
        vm.refreshRegister();
        assertEquals(List.of("stop", "open default [prod]"), feed.calls);
        assertEquals("context prod: the read was cut short", exceptions.errorMessageProperty().get());
    }

    @Test
    void readingTheServersCountsAsLoading() {
        vm.openDemo();
        assertTrue(vm.canReloadProperty().get());
        feed.connecting.set(true);
        assertTrue(vm.loadingProperty().get());
        assertFalse(vm.canReloadProperty().get());
        feed.connecting.set(false);
        assertTrue(vm.canReloadProperty().get());
    }

    /// The fixture's exceptions (the first `count`) as a context's live register.
    private static Workspace contextWorkspace(String context, int count) {
        Workspace fixture = FolderWorkspace.loader(Fixture.folder()).load();
        return new Workspace(context, Source.context(context), fixture.exemptions().subList(0, count), fixture.policies(),
                List.of(), List.of(), List.of());
    }

    private static final class FakeFeed implements ContextFeed {
        final List<String> calls = new ArrayList<>();
        final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper();
        Updates updates;

        @Override
        public void open(Optional<Path> kubeconfig, ContextChoice contexts, Updates updates) {
            calls.add("open " + kubeconfig.map(Path::toString).orElse("default") + " " + (contexts.all() ? "all" : contexts.named()));
            this.updates = updates;
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public ReadOnlyBooleanProperty connectingProperty() {
            return connecting.getReadOnlyProperty();
        }
    }
}
