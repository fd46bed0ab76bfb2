package dev.waiver.app.shell;

import dev.waiver.app.cluster.ContextChoice;
import dev.waiver.app.clusters.ContextFeed;
import dev.waiver.app.exceptions.ExceptionListViewModel;
import dev.waiver.app.settings.Settings;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.DialogService;
import dev.waiver.app.workspace.OfflineSource;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.app.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/// The window around the screens: which workspace is open, opening another, reloading, and the status
/// line. It remembers a workspace once it has loaded, so a folder that fails does not become the one
/// the next start opens. Cluster contexts come through a [ContextFeed], which keeps delivering changes
/// until another workspace opens.
public final class MainWindowViewModel {

    /// A version of a contexts workspace the feed delivered, and the choice it was opened for.
    private record Delivered(WorkspaceChoice choice, Workspace workspace) {
    }

    private static final DateTimeFormatter ASSESSED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ExceptionListViewModel exceptions;
    private final WorkspaceLoaders loaders;
    private final Clock clock;
    private final Settings settings;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ContextFeed clusters;

    private final ReadOnlyObjectWrapper<WorkspaceChoice> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyStringWrapper workspaceTitle = new ReadOnlyStringWrapper(this, "workspaceTitle", "No workspace");
    private final ReadOnlyStringWrapper workspaceSource = new ReadOnlyStringWrapper(this, "workspaceSource", "");
    private final ReadOnlyStringWrapper assessedText = new ReadOnlyStringWrapper(this, "assessedText", "");
    private final ReadOnlyStringWrapper rowSummary = new ReadOnlyStringWrapper(this, "rowSummary");
    private final ReadOnlyStringWrapper problemSummary = new ReadOnlyStringWrapper(this, "problemSummary");
    private final ReadOnlyBooleanWrapper canReload = new ReadOnlyBooleanWrapper(this, "canReload");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(this, "pending");

    /// The workspace last asked for; [#current] once it has loaded.
    private WorkspaceChoice opened;
    /// What the feed last delivered for the contexts [#opened]; null before its first delivery, after it
    /// failed, and for a folder or the demo.
    private Delivered delivered;

    public MainWindowViewModel(ExceptionListViewModel exceptions, WorkspaceLoaders loaders, Clock clock,
                               Settings settings, BackgroundRunner runner, DialogService dialogs) {
        this(exceptions, loaders, clock, settings, runner, dialogs, ContextFeed.none());
    }

    public MainWindowViewModel(ExceptionListViewModel exceptions, WorkspaceLoaders loaders, Clock clock,
                               Settings settings, BackgroundRunner runner, DialogService dialogs, ContextFeed clusters) {
        this.exceptions = exceptions;
        this.loaders = loaders;
        this.clock = clock;
        this.settings = settings;
        this.runner = runner;
        this.dialogs = dialogs;
        this.clusters = clusters;
        rowSummary.bind(Bindings.createStringBinding(
                () -> exceptions.shownCountProperty().get() + " shown / " + exceptions.totalCountProperty().get() + " total",
                exceptions.shownCountProperty(), exceptions.totalCountProperty()));
        problemSummary.bind(Bindings.createStringBinding(() -> {
            int n = exceptions.problemCountProperty().get();
            return n == 0 ? "" : n == 1 ? "1 load problem" : n + " load problems";
        }, exceptions.problemCountProperty()));
        loading.bind(exceptions.loadingProperty().or(clusters.connectingProperty()).or(pending));
        canReload.bind(current.isNotNull().and(loading.not()));
    }

    /// Opens the workspace the app starts with; a failure shows in the register's banner, not a dialog.
    public void start(WorkspaceChoice choice) {
        open(choice, false);
    }

    /// As [#start(WorkspaceChoice)], but the reading starts when `later` runs the task it is given: the app
    /// hands it the first frame, so reading the workspace does not compete with drawing the window. Until
    /// then the window already shows the workspace as loading.
    public void start(WorkspaceChoice choice, Consumer<Runnable> later) {
        workspaceTitle.set("Loading…");
        pending.set(true);
        later.accept(() -> {
            open(choice, false);
            pending.set(false); // after open(), which is loading by then: no moment of "not loading" between
        });
    }

    public void openFolder(Path folder) {
        open(new WorkspaceChoice.Folder(folder), true);
    }

    public void openDemo() {
        open(new WorkspaceChoice.Demo(), true);
    }

    /// The contexts (none: the kubeconfig's current one) of the kubeconfig (empty: the default one).
    public void openContexts(Optional<Path> kubeconfig, List<String> contexts) {
        open(new WorkspaceChoice.Contexts(kubeconfig, ContextChoice.named(contexts)), true);
    }

    /// Reads the workspace again, reconnecting to the contexts' servers: what the user asks for with Reload.
    public void reload() {
        if (canReload.get()) {
            open(current.get(), true);
        }
    }

    /// Shows the register again after a review step changed Waiver's review store. Contexts are not read
    /// again: their watches bring the cluster's side of the step (an applied or deleted object) by
    /// themselves, so the register is assembled anew from what the feed last delivered, and the watches
    /// keep running. A folder or the demo is read again, as [#reload] does: an apply to a folder writes a
    /// file there. Contexts that have delivered nothing yet need nothing: their first delivery is
    /// assembled with the store as it stands then.
    public void refreshRegister() {
        if (!(opened instanceof WorkspaceChoice.Contexts)) {
            reload();
        } else if (delivered != null) {
            Delivered shown = delivered;
            exceptions.reassemble(shown.workspace(), ws -> loaded(shown.choice(), ws, true),
                    message -> failed(message, false));
        }
    }

    public void toggleProblems() {
        exceptions.toggleProblems();
    }

    /// `byUser`: the user asked for it, so a failure deserves a dialog (at start-up the banner suffices).
    /// Any workspace opening stops the cluster watches of the one before.
    private void open(WorkspaceChoice choice, boolean byUser) {
        clusters.stop();
        opened = choice;
        delivered = null;
        if (current.get() == null) {
            workspaceTitle.set("Loading…");
        }
        switch (choice) {
            case WorkspaceChoice.Folder(Path folder) -> show(choice, loaders.folder(folder), false, byUser);
            case WorkspaceChoice.Demo() -> show(choice, loaders.demo(clock), false, byUser);
            case WorkspaceChoice.Contexts(Optional<Path> kubeconfig, ContextChoice contexts) ->
                    clusters.open(kubeconfig, contexts, new ContextFeed.Updates() {
                        @Override
                        public void workspace(Workspace workspace, ContextFeed.Stage stage) {
                            delivered = new Delivered(choice, workspace);
                            show(choice, () -> workspace, stage != ContextFeed.Stage.READ, byUser);
                        }

                        @Override
                        public void failed(String message) {
                            delivered = null;
                            show(choice, () -> {
                                throw new IllegalStateException(message);
                            }, false, byUser);
                        }
                    });
        }
    }

    /// `quiet`: a version of a workspace already shown (a cluster's snapshot before its live read, a
    /// change the watch saw), so the problems panel is not forced open again.
    private void show(WorkspaceChoice choice, WorkspaceLoader loader, boolean quiet, boolean byUser) {
        exceptions.load(loader, ws -> loaded(choice, ws, quiet), message -> failed(message, byUser));
    }

    private void loaded(WorkspaceChoice choice, Workspace ws, boolean quiet) {
        workspaceTitle.set(ws.title());
        Instant at = exceptions.assessedAtProperty().get();
        workspaceSource.set(sourceText(ws));
        assessedText.set(at == null ? "" : "Statuses as of " + ASSESSED.format(at));
        boolean remember = !choice.equals(current.get()) || !quiet;
        current.set(choice);
        if (remember) {
            settings.put(WorkspaceChoice.SETTING, choice.settingValue());
            runner.run(() -> {
                settings.save();
                return null;
            }, ok -> { }, error -> System.getLogger(MainWindowViewModel.class.getName())
                    .log(System.Logger.Level.WARNING, "cannot save settings", error));
        }
        // A broken file hides the exceptions it holds: say so at once rather than behind a link. A context
        // served from its snapshot hides nothing (each adds one notice), and the title already says offline.
        if (!quiet && ws.problems().size() > ws.offline().size()) {
            exceptions.problemsShownProperty().set(true);
        }
    }

    /// `context prod`, and for a part served from a snapshot, since when: `context prod · offline, as of …`.
    private static String sourceText(Workspace ws) {
        String label = ws.source().label();
        if (!ws.isOffline()) {
            return label;
        }
        List<OfflineSource> offline = ws.offline();
        if (offline.size() == 1 && offline.getFirst().context().equals(ws.source().name())) {
            return label + " · offline, as of " + ASSESSED.format(offline.getFirst().asOf());
        }
        return label + " · " + offline.stream().map(o -> o.context() + " offline, as of " + ASSESSED.format(o.asOf()))
                .collect(Collectors.joining("; "));
    }

    private void failed(String message, boolean byUser) {
        if (current.get() == null) {
            workspaceTitle.set("No workspace");
        }
        if (byUser) {
            dialogs.showError("Cannot open workspace", message);
        }
    }

    public ReadOnlyObjectProperty<WorkspaceChoice> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workspaceTitleProperty() {
        return workspaceTitle.getReadOnlyProperty();
    }

    /// Where the workspace came from: `folder /path`, `demo workspace`.
    public ReadOnlyStringProperty workspaceSourceProperty() {
        return workspaceSource.getReadOnlyProperty();
    }

    /// When the statuses were derived (they depend on the clock): `Statuses as of 2026-06-15 12:00 UTC`.
    public ReadOnlyStringProperty assessedTextProperty() {
        return assessedText.getReadOnlyProperty();
    }

    /// `N shown / M total`
    public ReadOnlyStringProperty rowSummaryProperty() {
        return rowSummary.getReadOnlyProperty();
    }

    /// `2 load problems`, or empty when none.
    public ReadOnlyStringProperty problemSummaryProperty() {
        return problemSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReloadProperty() {
        return canReload.getReadOnlyProperty();
    }

    /// Reading a workspace, or the servers of the contexts being opened.
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
