package dev.waiver.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.exceptions.Fixture;
import dev.waiver.app.settings.Settings;
import dev.waiver.app.ui.ImmediateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The whole window as the composition root wires it, over the fixture folder: toolbar, navigation,
/// status bar, Ctrl+F, the problems link, and switching to the demo.
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Path home;
    private Settings settings;
    private WaiverApp.Composed composed;

    @Start
    void start(Stage stage) throws IOException {
        home = Files.createTempDirectory("waiver-home");
        settings = Settings.load(home.resolve(Settings.FILE_NAME));
        composed = WaiverApp.compose(Fixture.CLOCK, settings, new ImmediateRunner(), new RecordingDialogs(),
                new DefaultWorkspaceLoaders(), WaiverApp.yamlRenderer());
        stage.setScene(WaiverApp.scene(composed.window()));
        stage.show();
        composed.viewModel().start(new WorkspaceChoice.Folder(Fixture.folder()));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    @Test
    void showsTheWorkspaceTheNavigationAndTheStatusLine(FxRobot robot) {
        assertEquals("fixture", text(robot, "#workspaceTitle"));
        assertEquals("9 shown / 9 total", text(robot, "#rowCount"));
        assertEquals("1 load problem", text(robot, "#problemsLink"));
        assertTrue(robot.lookup("#navExceptions").queryAs(ToggleButton.class).isSelected());
        for (String id : new String[] {"#navReviews", "#navAudit", "#navCompliance", "#navClusters"}) {
            assertFalse(robot.lookup(id).query().isDisabled(), id);
        }
        assertTrue(robot.lookup("#reloadButton").queryAs(Button.class).isVisible());
        assertFalse(robot.lookup("#reloadButton").query().isDisabled());
    }

    @Test
    void complianceSaysPlainlyWhenTheWorkspaceHasNothingToEvaluate(FxRobot robot) {
        robot.clickOn("#navCompliance");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#complianceEmpty").query().isVisible());
        assertTrue(text(robot, "#complianceEmpty").startsWith("Nothing to evaluate: this workspace holds no resources"),
                text(robot, "#complianceEmpty"));
        assertTrue(text(robot, "#complianceSummary").startsWith("fixture: 0 resources against 2 policies"));
        assertEquals("0", robot.from(robot.lookup("#resultCount-ALL").queryAs(ToggleButton.class))
                .lookup(".counter-count").queryAs(Label.class).getText());
    }

    @Test
    void ctrlFFocusesTheSearchField(FxRobot robot) {
        robot.clickOn("#exceptionTable");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#searchField").query().isFocused());
        robot.write("gpu", 0);
        assertEquals("1 shown / 9 total", text(robot, "#rowCount"));
    }

    @Test
    void theProblemsLinkOpensAndClosesTheList(FxRobot robot) {
        Node panel = robot.lookup("#problemsPanel").query();
        assertTrue(panel.isVisible(), "a broken file opens the panel on load");
        ListView<?> list = robot.lookup("#problemsList").query();
        assertTrue(list.getItems().getFirst().toString().contains("broken.yaml"));
        robot.clickOn(robot.lookup("#problemsLink").queryAs(Hyperlink.class));
        assertFalse(panel.isVisible());
        robot.clickOn("#problemsLink");
        assertTrue(panel.isVisible());
    }

    @Test
    void theDemoButtonSwitchesWorkspaceAndIsRemembered(FxRobot robot) {
        robot.clickOn("#demoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Demo", text(robot, "#workspaceTitle"));
        assertEquals("demo", Settings.load(home.resolve(Settings.FILE_NAME)).get(WorkspaceChoice.SETTING).orElseThrow());
        assertFalse(robot.lookup("#problemsLink").query().isVisible());
        assertEquals("36 shown / 36 total", robot.lookup("#rowCount").queryAs(Label.class).getText());
    }

    @Test
    void theAuditScreenSaysWhyThereIsNoLogWithoutADataFolder(FxRobot robot) {
        robot.clickOn("#navAudit");
        assertEquals("The audit log cannot be read: no data folder was given", text(robot, "#auditUnavailable"));
        robot.clickOn("#verifyButton");
        assertEquals("Could not verify the log: no data folder was given", text(robot, "#verifyVerdict"));
        assertTrue(robot.lookup("#verifyVerdict").query().getStyleClass().contains("error-banner"));
    }
}
