package dev.waiver.app.shell;

import dev.waiver.app.AppOptions;
import dev.waiver.app.cluster.Backoff;
import dev.waiver.app.cluster.ClusterWatch;
import dev.waiver.app.cluster.TestCluster;
import dev.waiver.app.clusters.ClusterSession;
import dev.waiver.app.review.FxReviewDialogs;
import dev.waiver.app.settings.Settings;
import dev.waiver.app.ui.DialogService;
import dev.waiver.app.ui.FxBackgroundRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// The window for tests against API servers, composed from command-line options the way `WaiverApp.start`
/// composes it: the cluster session, the kubeconfig the Clusters screen lists, and the review workflow over
/// the data folder applying to that same kubeconfig's contexts. Closing it does what the app's stop does.
final class ClusterWindow implements AutoCloseable {

    /// The client's fast timeouts, watches that give up after 3 quick attempts, changes gathered for 100 ms;
    /// snapshots saved after changes every 30 s as in the app, so within a test only when the window closes.
    static final ClusterSession.Settings FAST = new ClusterSession.Settings(TestCluster.fast(),
            new ClusterWatch.Settings(new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.2), 3,
                    Duration.ofSeconds(30), new Random(7)), Duration.ofMillis(100), Duration.ofSeconds(30));

    private final Stage stage;
    private final List<AutoCloseable> running = new ArrayList<>();

    ClusterWindow(Stage stage) {
        this.stage = stage;
    }

    /// Composes the window from these arguments, shows it and opens its first workspace; `reviewer` is the
    /// name the Reviews screen starts with.
    WaiverApp.Composed open(FxRobot robot, DialogService dialogs, String reviewer, String... args) {
        var options = AppOptions.parse(List.of(args));
        var settings = Settings.load(options.home().resolve(Settings.FILE_NAME));
        var initial = WaiverApp.initialChoice(options, settings);
        var runner = new FxBackgroundRunner();
        var access = WaiverApp.clusterAccess(options, initial, runner, FAST);
        var reviews = WaiverApp.reviewAccess(options, access);
        // Closed in reverse: the workflow's clients, the session (watches, clients), then the runner.
        running.add(runner);
        running.add(access.session());
        running.add(reviews);
        var composed = WaiverApp.compose(options.clock(), settings, runner, dialogs, new DefaultWorkspaceLoaders(),
                WaiverApp.yamlRenderer(), reviews, new FxReviewDialogs(() -> stage), reviewer, access);
        robot.interact(() -> {
            stage.setScene(WaiverApp.scene(composed.window()));
            stage.setWidth(1400);
            stage.setHeight(800);
            stage.show();
            composed.viewModel().start(initial);
        });
        return composed;
    }

    /// What the app's stop does; the window can be opened again afterwards.
    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : running.reversed()) {
            closeable.close();
        }
        running.clear();
    }

    /// The text a label (or text node) shows; empty when there is no such node.
    static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof javafx.scene.text.Text t ? t.getText()
                : ((Labeled) n).getText()).map(t -> t == null ? "" : t).orElse("");
    }

    /// Waits up to 20 s; on time-out says what the window showed at the nodes `shown` names.
    static void waitFor(Callable<Boolean> condition, List<String> shown) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (TimeoutException e) {
            var robot = new FxRobot();
            var report = new StringBuilder("the window showed:");
            for (String id : shown) {
                report.append("\n  ").append(id).append(" = ").append(text(robot, id));
            }
            throw new AssertionError(report.toString(), e);
        }
    }
}
