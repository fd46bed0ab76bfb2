package dev.waiver.app.shell;

import dev.waiver.app.AppOptions;
import dev.waiver.app.auditview.AuditEntryViewModel;
import dev.waiver.app.auditview.AuditExportViewModel;
import dev.waiver.app.auditview.AuditLogViewModel;
import dev.waiver.app.auditview.AuditMetricsViewModel;
import dev.waiver.app.auditview.AuditScreen;
import dev.waiver.app.compliance.ComplianceScreen;
import dev.waiver.app.compliance.ComplianceViewModel;
import dev.waiver.app.compliance.CoverageView;
import dev.waiver.app.compliance.CoverageViewModel;
import dev.waiver.app.compliance.ResultDetailViewModel;
import dev.waiver.app.compliance.SelectedResult;
import dev.waiver.app.cluster.ClientLogging;
import dev.waiver.app.cluster.SnapshotStore;
import dev.waiver.app.clusters.ClusterSession;
import dev.waiver.app.clusters.ClustersScreen;
import dev.waiver.app.clusters.ClustersViewModel;
import dev.waiver.app.clusters.KubeconfigSource;
import dev.waiver.app.exceptions.ExceptionListViewModel;
import dev.waiver.app.exceptions.ExceptionsScreen;
import dev.waiver.app.exceptions.ExemptionDetailViewModel;
import dev.waiver.app.exceptions.YamlRenderer;
import dev.waiver.app.review.FxReviewDialogs;
import dev.waiver.app.review.RegisterCaseView;
import dev.waiver.app.review.RegisterCaseViewModel;
import dev.waiver.app.review.RequestFormViewModel;
import dev.waiver.app.review.ReviewAccess;
import dev.waiver.app.review.ReviewCaseViewModel;
import dev.waiver.app.review.ReviewDialogs;
import dev.waiver.app.review.ReviewsScreen;
import dev.waiver.app.review.ReviewsViewModel;
import dev.waiver.app.review.WorkspaceBlastRadius;
import dev.waiver.app.settings.Settings;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.DialogService;
import dev.waiver.app.ui.FxBackgroundRunner;
import dev.waiver.app.ui.FxDialogService;
import dev.waiver.app.ui.Navigator;
import dev.waiver.app.ui.Screen;
import dev.waiver.app.ui.Selection;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.exemption.RegisterEntry;
import dev.waiver.engine.review.ReviewCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/// The composition root: reads the options, builds services, then ViewModels, then Views, all by
/// constructor. Nothing else in the app creates a service or reaches for a global.
public final class WaiverApp extends Application {

    private static final String STYLESHEET = "/dev/waiver/app/ui/waiver.css";
    private static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    private Settings settings;
    private FxBackgroundRunner runner;
    private ReviewAccess reviews;
    private ClusterSession clusters;
    private Stage stage;

    /// What [#compose] builds: the window and its ViewModel (tests drive both).
    record Composed(MainWindow window, MainWindowViewModel viewModel, ExceptionListViewModel exceptions) {
    }

    /// The window's way to the clusters: the live session, and the kubeconfig the Clusters screen lists.
    record ClusterAccess(ClusterSession session, KubeconfigSource kubeconfig) {
    }

    @Override
    public void start(Stage stage) {
        ClientLogging.quiet();
        AppOptions options = AppOptions.parse(getParameters().getRaw());
        this.stage = stage;
        settings = Settings.load(options.home().resolve(Settings.FILE_NAME));
        runner = new FxBackgroundRunner();
        WorkspaceChoice initial = initialChoice(options, settings);
        var access = clusterAccess(options, initial, runner, ClusterSession.Settings.defaults());
        clusters = access.session();
        reviews = reviewAccess(options, access);
        var composed = compose(options.clock(), settings, runner, new FxDialogService(() -> stage),
                new DefaultWorkspaceLoaders(), yamlRenderer(), reviews, new FxReviewDialogs(() -> stage),
                settings.get(ReviewsViewModel.REVIEWER_SETTING).orElse(System.getProperty("user.name", "")), access);

        stage.setTitle("Waiver");
        stage.setScene(scene(composed.window()));
        stage.getIcons().addAll(icons());
        WindowGeometry.restore(stage, settings);
        composed.viewModel().start(initial, FirstFrame::then);
        stage.show();
        if (options.measureStartup()) {
            StartupProbe.measureThenExit(System.out, composed.viewModel().loadingProperty());
        }
    }

    @Override
    public void stop() throws IOException {
        if (clusters != null) {
            clusters.close();
        }
        if (runner != null) {
            runner.close();
        }
        if (reviews != null) {
            reviews.close();
        }
        if (settings != null) {
            // Here rather than on hiding: Platform.exit() (--measure-startup, the OS quitting) hides nothing.
            WindowGeometry.remember(stage, settings);
            settings.save();
        }
    }

    /// The window without a data folder: the review workflow shows as not available.
    static Composed compose(Clock clock, Settings settings, BackgroundRunner runner, DialogService dialogs,
                            WorkspaceLoaders loaders, YamlRenderer yaml) {
        return compose(clock, settings, runner, dialogs, loaders, yaml,
                ReviewAccess.unavailable("no data folder was given"), new FxReviewDialogs(() -> null), "");
    }

    /// The workspace the window opens with: `--dir`, else `--kubeconfig` / `--context` / `--all-contexts`, else
    /// the remembered one.
    static WorkspaceChoice initialChoice(AppOptions options, Settings settings) {
        return WorkspaceChoice.initial(options.workspaceDir(), options.kubeconfig(), options.contexts(), settings,
                Files::isDirectory);
    }

    /// The session keeps its snapshots in the data folder. The Clusters screen lists `--kubeconfig`, else the
    /// kubeconfig the remembered contexts came from, else the one kubectl would use.
    static ClusterAccess clusterAccess(AppOptions options, WorkspaceChoice initial, BackgroundRunner runner,
                                       ClusterSession.Settings settings) {
        Optional<Path> kubeconfig = options.kubeconfig()
                .or(() -> initial instanceof WorkspaceChoice.Contexts contexts ? contexts.kubeconfig() : Optional.empty());
        // Sync times are facts about when the cluster was read: the real clock, not --now.
        return new ClusterAccess(new ClusterSession(SnapshotStore.in(options.home()), runner, settings, Clock.systemUTC()),
                KubeconfigSource.of(kubeconfig));
    }

    /// The review workflow over the data folder, applying to the contexts of the same kubeconfig the window's
    /// register and Clusters screen use (`--kubeconfig`, else the remembered contexts' one, else kubectl's).
    static ReviewAccess reviewAccess(AppOptions options, ClusterAccess clusters) {
        return ReviewAccess.of(options.home(), options.clock(), clusters.kubeconfig()::load);
    }

    /// The window with clusters found the usual way, snapshots beside the settings.
    static Composed compose(Clock clock, Settings settings, BackgroundRunner runner, DialogService dialogs,
                            WorkspaceLoaders loaders, YamlRenderer yaml, ReviewAccess reviews,
                            ReviewDialogs reviewDialogs, String reviewer) {
        Path home = settings.file().toAbsolutePath().getParent();
        var access = new ClusterAccess(new ClusterSession(SnapshotStore.in(home), runner, ClusterSession.Settings.defaults(),
                Clock.systemUTC()), KubeconfigSource.of(Optional.empty()));
        return compose(clock, settings, runner, dialogs, loaders, yaml, reviews, reviewDialogs, reviewer, access);
    }

    static Composed compose(Clock clock, Settings settings, BackgroundRunner runner, DialogService dialogs,
                            WorkspaceLoaders loaders, YamlRenderer yaml, ReviewAccess reviews,
                            ReviewDialogs reviewDialogs, String reviewer, ClusterAccess clusters) {
        var selection = new Selection<RegisterEntry>();
        var exceptions = new ExceptionListViewModel(runner, clock, selection, reviews::besides);
        var detail = new ExemptionDetailViewModel(selection, yaml, clock);
        var main = new MainWindowViewModel(exceptions, loaders, clock, settings, runner, dialogs, clusters.session());

        var workspace = exceptions.workspaceProperty();
        var cases = new Selection<ReviewCase>();
        var window = new AtomicReference<MainWindow>();
        var queue = new ReviewsViewModel(reviews, runner, clock, workspace, cases, reviewer, id -> {
            exceptions.clearFilters();
            exceptions.selectById(id);
            window.get().show(Screen.EXCEPTIONS);
        });
        queue.reviewerProperty().addListener((obs, old, name) -> settings.put(ReviewsViewModel.REVIEWER_SETTING, name.strip()));
        // A review step changed the store: the queue and the register show it; contexts stay connected.
        Consumer<String> changed = id -> {
            queue.refresh(id);
            main.refreshRegister();
        };
        var reviewCase = new ReviewCaseViewModel(reviews, runner, dialogs, reviewDialogs,
                new WorkspaceBlastRadius(workspace, clock), clock, workspace, clusters.session().openContextsProperty(),
                cases, queue.reviewerProperty(), changed);
        Navigator navigator = screen -> window.get().show(screen);
        var registerCase = new RegisterCaseViewModel(selection, queue.cases(), queue.unavailableProperty(),
                queue::selectById, navigator);
        var form = new RequestFormViewModel(reviews, runner, dialogs, clock, workspace, queue.reviewerProperty(), changed);

        var coverage = new CoverageViewModel(selection, workspace, runner, clock);

        // A screen other than Exceptions gets its own ViewModels when it is first shown, where nothing
        // else holds them (Compliance, Audit, Clusters); Reviews' are shared with the register and the form.
        var screens = new EnumMap<Screen, ScreenSlot>(Screen.class);
        screens.put(Screen.COMPLIANCE, ScreenSlot.of(() -> {
            var result = new Selection<SelectedResult>();
            return new ComplianceScreen(new ComplianceViewModel(runner, clock, workspace, result),
                    new ResultDetailViewModel(result, yaml, form::requestFor, navigator, queue.unavailableProperty()));
        }));
        screens.put(Screen.REVIEWS, ScreenSlot.withBadge(() -> new ReviewsScreen(queue, reviewCase, form),
                queue.reminderCountProperty()));
        screens.put(Screen.AUDIT, ScreenSlot.of(() -> {
            var entries = new Selection<AuditEntry>();
            return new AuditScreen(new AuditLogViewModel(reviews, runner, entries), new AuditEntryViewModel(entries),
                    new AuditMetricsViewModel(reviews, runner),
                    new AuditExportViewModel(reviews, runner, dialogs, clock, Path.of(System.getProperty("user.home", ".")),
                            exceptions.registerProperty(), workspace));
        }));
        screens.put(Screen.CLUSTERS, ScreenSlot.of(() -> new ClustersScreen(
                new ClustersViewModel(clusters.kubeconfig(), clusters.session(), runner, main::openContexts))));
        window.set(new MainWindow(main, new ExceptionsScreen(exceptions, detail, new CoverageView(coverage),
                new RegisterCaseView(registerCase)), screens));
        return new Composed(window.get(), main, exceptions);
    }

    static Scene scene(MainWindow window) {
        var scene = new Scene(window, WindowGeometry.DEFAULT_WIDTH, WindowGeometry.DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(WaiverApp.class.getResource(STYLESHEET)).toExternalForm());
        return scene;
    }

    /// Until the YAML writer lands, Jackson's YAML mapper, without the `---` a single document does not need;
    /// strings that would read back as numbers or booleans keep their quotes.
    /// The mapper is built on the first render (a selected row), not before the first frame.
    static YamlRenderer yamlRenderer() {
        return document -> Yaml.MAPPER.writeValueAsString(document);
    }

    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build();
    }

    /// The window icons that exist among `icon-<size>.png`; none is fine.
    private static List<Image> icons() {
        return ICON_SIZES.stream()
                .map(size -> WaiverApp.class.getResource("/dev/waiver/app/ui/icon-" + size + ".png"))
                .filter(Objects::nonNull)
                .map(url -> new Image(url.toExternalForm()))
                .toList();
    }
}
