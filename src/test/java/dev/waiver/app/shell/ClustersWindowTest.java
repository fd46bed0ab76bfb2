package dev.waiver.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.app.cluster.SnapshotStore;
import dev.waiver.app.cluster.TestCluster;
import dev.waiver.app.exceptions.ExceptionRow;
import dev.waiver.app.exceptions.Fixture;
import dev.waiver.app.settings.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// The window on clusters, composed from the command line's options as the app composes it, against
/// fabric8's mock API server over loopback HTTP: pick a context on the Clusters screen, connect, watch
/// the register fill, then see what others create and delete appear and go without a click. A context
/// whose server is down fails on its own; a restart with the server gone shows the snapshot, offline.
@ExtendWith(ApplicationExtension.class)
class ClustersWindowTest {

    @TempDir
    Path dir;

    private Stage stage;
    private TestCluster prod;
    private Path home;
    private ClusterWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.window = new ClusterWindow(stage);
    }

    @BeforeEach
    void server() throws IOException {
        assumeFalse(TestCluster.real(), "the window test kills its server");
        prod = TestCluster.start();
        prod.createException("debug-agent", "disallow-privileged", "privileged-containers");
        prod.createException("load-test", "require-limits", "limits");
        home = Files.createDirectories(dir.resolve("home"));
    }

    @AfterEach
    void stop() throws Exception {
        quit();
        if (prod != null) {
            prod.close();
        }
    }

    @Test
    void pickAContextConnectAndTheRegisterStaysLive(FxRobot robot) throws Exception {
        var servers = new LinkedHashMap<String, String>();
        servers.put("dev", TestCluster.unreachableUrl());
        servers.put("prod", prod.url());
        Path kubeconfig = kubeconfig(servers);
        open(robot, "--home", home.toString(), "--kubeconfig", kubeconfig.toString(), "--dir", Fixture.folder().toString());
        waitFor(() -> text(robot, "#workspaceTitle").equals("fixture")); // the folder is read in the background

        robot.clickOn("#navClusters");
        waitFor(() -> robot.lookup("#select-prod").tryQuery().isPresent());
        assertEquals("Kubeconfig: " + kubeconfig, text(robot, "#kubeconfigPath"));
        assertTrue(checkBox(robot, "#select-dev").isSelected(), "the current context is chosen to begin with");
        robot.clickOn("#select-dev");
        robot.clickOn("#select-prod");
        robot.clickOn("#connectButton");

        waitFor(() -> text(robot, "#state-prod").equals("connected · 2 exceptions"));
        waitFor(() -> text(robot, "#rowCount").equals("2 shown / 2 total"));
        assertEquals("prod", text(robot, "#workspaceTitle"));
        assertEquals("context prod", text(robot, "#workspaceSource"));
        assertEquals("", text(robot, "#state-dev"), "a context not chosen is not in the register");

        prod.createException("gpu-nodes", "disallow-host-path", "host-path");
        waitFor(() -> text(robot, "#rowCount").equals("3 shown / 3 total"));
        waitFor(() -> text(robot, "#state-prod").equals("connected · 3 exceptions"));
        robot.clickOn("#navExceptions");
        waitFor(() -> registerNames(robot).contains("gpu-nodes"));

        prod.deleteException("debug-agent");
        waitFor(() -> !registerNames(robot).contains("debug-agent"));
        assertEquals("2 shown / 2 total", text(robot, "#rowCount"));
        assertEquals("contexts:prod;kubeconfig=" + java.net.URLEncoder.encode(kubeconfig.toString(), StandardCharsets.UTF_8),
                Settings.load(home.resolve(Settings.FILE_NAME)).get(WorkspaceChoice.SETTING).orElseThrow());
    }

    @Test
    void aContextWhoseServerIsDownFailsOnItsOwnWhileTheOtherLoads(FxRobot robot) throws Exception {
        var servers = new LinkedHashMap<String, String>();
        servers.put("prod", prod.url());
        servers.put("dev", TestCluster.unreachableUrl());
        Path kubeconfig = kubeconfig(servers);
        open(robot, "--home", home.toString(), "--kubeconfig", kubeconfig.toString(), "--dir", Fixture.folder().toString());
        robot.clickOn("#navClusters");
        waitFor(() -> robot.lookup("#select-dev").tryQuery().isPresent());
        robot.clickOn("#selectAllContexts");
        assertTrue(checkBox(robot, "#select-dev").isSelected());
        robot.clickOn("#connectButton");

        waitFor(() -> text(robot, "#state-dev").startsWith("failed: "));
        waitFor(() -> text(robot, "#state-prod").equals("connected · 2 exceptions"));
        String failure = text(robot, "#state-dev");
        assertTrue(failure.contains("the server is not reachable") && failure.endsWith("; no snapshot of it yet"), failure);
        assertEquals("2 shown / 2 total", text(robot, "#rowCount"));
        assertEquals("1 load problem", text(robot, "#problemsLink"), "the failed context is named among the problems");
        assertNoToken(robot);

        // The picture of this screen in docs/screenshots comes from here.
        var image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        ScreenshotTest.save(image[0], Path.of("target", "screenshots", "clusters.png"));
    }

    @Test
    void aServerThatDiesWhileWatchedTurnsItsContextOfflineAndTheOtherStaysLive(FxRobot robot) throws Exception {
        try (var staging = TestCluster.start()) {
            staging.createException("canary", "require-labels", "check");
            var servers = new LinkedHashMap<String, String>();
            servers.put("prod", prod.url());
            servers.put("staging", staging.url());
            Path kubeconfig = kubeconfig(servers);
            open(robot, "--home", home.toString(), "--kubeconfig", kubeconfig.toString(), "--context", "prod",
                    "--context", "staging");
            robot.clickOn("#navClusters");
            waitFor(() -> text(robot, "#state-staging").equals("connected · 1 exception")
                    && text(robot, "#state-prod").equals("connected · 2 exceptions"));
            assertEquals("3 shown / 3 total", text(robot, "#rowCount"));

            staging.kill();
            waitFor(() -> text(robot, "#state-staging").startsWith("offline since "));
            assertTrue(text(robot, "#state-staging").endsWith("showing the last state received (1 exception)"),
                    text(robot, "#state-staging"));
            waitFor(() -> text(robot, "#workspaceSource").contains("staging offline, as of "));
            assertEquals("3 shown / 3 total", text(robot, "#rowCount"), "what was received stays shown");

            prod.createException("gpu-nodes", "disallow-host-path", "host-path");
            waitFor(() -> text(robot, "#state-prod").equals("connected · 3 exceptions"));
            waitFor(() -> text(robot, "#rowCount").equals("4 shown / 4 total"));
        }
    }

    @Test
    void aRestartWithTheServerDownShowsTheSnapshotMarkedOffline(FxRobot robot) throws Exception {
        Path kubeconfig = kubeconfig(Map.of("prod", prod.url()));
        open(robot, "--home", home.toString(), "--kubeconfig", kubeconfig.toString(), "--context", "prod");
        waitFor(() -> text(robot, "#rowCount").equals("2 shown / 2 total") && text(robot, "#workspaceTitle").equals("prod"));
        assertFalse(text(robot, "#workspaceSource").contains("offline"));

        quit();
        prod.kill();
        open(robot, "--home", home.toString());
        waitFor(() -> text(robot, "#workspaceSource").contains("offline, as of "));
        assertEquals("2 shown / 2 total", text(robot, "#rowCount"));
        assertTrue(text(robot, "#workspaceTitle").startsWith("prod (offline, as of "), text(robot, "#workspaceTitle"));

        robot.clickOn("#navClusters");
        waitFor(() -> text(robot, "#state-prod").startsWith("offline snapshot as of "));
        String state = text(robot, "#state-prod");
        assertTrue(state.contains("(2 exceptions): ") && state.contains("the server is not reachable"), state);
        assertEquals("Kubeconfig: " + kubeconfig, text(robot, "#kubeconfigPath"), "the remembered contexts' kubeconfig");
        assertTrue(text(robot, "#workspaceSource").contains("offline, as of "), "still offline after the read failed");
        assertNoToken(robot);
        for (Path file : List.of(home.resolve(Settings.FILE_NAME), home.resolve(SnapshotStore.FILE_NAME))) {
            assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(TestCluster.TOKEN), file.toString());
        }
    }

    /// Composes the window from these arguments the way `WaiverApp.start` does, and opens its first workspace.
    private void open(FxRobot robot, String... args) {
        window.open(robot, new RecordingDialogs(), "", args);
    }

    /// What the app's stop does: the session first (watches, clients), then the runner.
    private void quit() throws Exception {
        window.close();
    }

    private Path kubeconfig(Map<String, String> servers) {
        return TestCluster.kubeconfig(dir, servers);
    }

    private static String text(FxRobot robot, String query) {
        return ClusterWindow.text(robot, query);
    }

    private static javafx.scene.control.CheckBox checkBox(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.CheckBox.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> registerNames(FxRobot robot) {
        var table = (javafx.scene.control.TableView<ExceptionRow>) robot.lookup("#exceptionTable").queryAs(Node.class);
        return table.getItems().stream().map(ExceptionRow::name).toList();
    }

    /// No label on screen quotes the kubeconfig's token.
    private static void assertNoToken(FxRobot robot) {
        for (Node node : robot.lookup(n -> n instanceof Labeled || n instanceof javafx.scene.text.Text).queryAll()) {
            String shown = node instanceof Labeled l ? l.getText() : ((javafx.scene.text.Text) node).getText();
            assertFalse(shown != null && shown.contains(TestCluster.TOKEN), shown);
        }
    }

    /// Waits up to 20 s; on time-out says what the window showed.
    private void waitFor(Callable<Boolean> condition) {
        ClusterWindow.waitFor(condition, List.of("#workspaceTitle", "#workspaceSource", "#rowCount", "#loadError",
                "#kubeconfigPath", "#kubeconfigProblem", "#contextsPlaceholder", "#state-prod", "#state-dev"));
    }
}
