package dev.waiver.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.compliance.ResultRow;
import dev.waiver.app.exceptions.Fixture;
import dev.waiver.app.review.FolderTarget;
import dev.waiver.app.review.FxReviewDialogs;
import dev.waiver.app.review.MemoryAuditLog;
import dev.waiver.app.review.MutableClock;
import dev.waiver.app.review.ReviewAccess;
import dev.waiver.app.review.ReviewService;
import dev.waiver.app.settings.Settings;
import dev.waiver.engine.evaluation.RuleStatus;
import dev.waiver.engine.review.ReviewSettings;
import dev.waiver.engine.review.Workflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The Compliance screen in the whole window over the demo workspace: evaluate, read the counters and a
/// Skip with its exception, filter, cancel a run half way, request an exception from a failure, and ask
/// the register what an exception covers.
@ExtendWith(ApplicationExtension.class)
class ComplianceWindowTest {

    private final SteppingRunner runner = new SteppingRunner();

    @Start
    void start(Stage stage) throws IOException {
        Path home = Files.createTempDirectory("waiver-home");
        int[] ids = {0};
        var service = new ReviewService(new MemoryAuditLog(), new Workflow(ReviewSettings.defaults()),
                new MutableClock(Fixture.NOW), target -> new FolderTarget(Path.of(target.name())),
                () -> "R-" + (5000 + ++ids[0]));
        var composed = WaiverApp.compose(Fixture.CLOCK, Settings.load(home.resolve(Settings.FILE_NAME)), runner,
                new RecordingDialogs(), new DefaultWorkspaceLoaders(), WaiverApp.yamlRenderer(), ReviewAccess.open(service),
                new FxReviewDialogs(() -> stage), "dana");
        stage.setScene(WaiverApp.scene(composed.window()));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        composed.viewModel().start(new WorkspaceChoice.Demo());
    }

    private static String text(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryLabeled().getText();
    }

    private static String count(FxRobot robot, String counterId) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(robot.lookup(counterId).queryAs(ToggleButton.class)).lookup(".counter-count")
                .queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<ResultRow> rows(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryAs(TableView.class);
        return List.copyOf(table.getItems());
    }

    /// The check box of an item in the open CheckComboBox popup.
    private static Node popupItem(FxRobot robot, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".combo-box-popup .check-box").match((CheckBox box) ->
                box.getParent() != null && text.equals(((ListCell<?>) box.getParent()).getText())).query();
    }

    private static Node cell(FxRobot robot, String table, String content) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(table + " .table-cell").match((TableCell<?, ?> c) -> content.equals(c.getText()))
                .queryAs(Node.class);
    }

    private static void filterNamespace(FxRobot robot, String namespace) {
        robot.clickOn("#resultNamespaceFilter");
        robot.clickOn(popupItem(robot, namespace));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void evaluatesTheDemoAndShowsASkipWithTheExceptionAndTheFailureItHides(FxRobot robot) {
        robot.clickOn("#navCompliance");
        assertTrue(robot.lookup("#complianceScreen").tryQuery().isPresent());
        assertEquals("389", count(robot, "#resultCount-ALL"));
        assertEquals("333", count(robot, "#resultCount-PASS"));
        assertEquals("20", count(robot, "#resultCount-FAIL"));
        assertEquals("0", count(robot, "#resultCount-WARN"));
        assertEquals("0", count(robot, "#resultCount-ERROR"));
        assertEquals("36", count(robot, "#resultCount-SKIP"));
        assertEquals("34", count(robot, "#resultCount-HIDDEN"));
        assertTrue(text(robot, "#complianceSummary").startsWith("Demo: 42 resources against 13 policies, honouring 18 Active"
                + " exceptions"), text(robot, "#complianceSummary"));
        assertFalse(robot.lookup("#complianceProgress").query().isVisible());
        assertEquals(389, rows(robot).size());

        // The Skips that hide a failure, in one namespace: each names its exception and the hidden Fail.
        robot.clickOn("#resultCount-HIDDEN");
        filterNamespace(robot, "checkout");
        assertEquals("4 shown / 389 results", text(robot, "#resultRowCount"));
        assertTrue(rows(robot).stream().allMatch(r -> r.status() == RuleStatus.SKIP && r.hidden().equals("Fail")));
        robot.clickOn(cell(robot, "#resultsTable", "cart-service-legacy"));
        assertEquals("Skip · require-run-as-nonroot / autogen-run-as-non-root", text(robot, "#resultTitle"));
        assertEquals("Deployment checkout/cart-service-legacy\nSkipped by checkout/cart-service-legacy-root; without it: Fail",
                text(robot, "#resultText"));
        assertTrue(robot.lookup("#resultsTable .hidden-failure").tryQuery().isPresent(), "the hidden Fail stands out");
        assertTrue(robot.lookup("#requestExceptionButton").query().isDisabled());
        assertEquals("Already skipped by checkout/cart-service-legacy-root", text(robot, "#requestWhyNot"));
        String rule = robot.lookup("#ruleYamlView").queryAs(TextArea.class).getText();
        assertTrue(rule.contains("name: autogen-run-as-non-root"), rule);
        assertTrue(rule.contains("StatefulSet"), "the generated rule matches the controllers: " + rule);
        String resource = robot.lookup("#resourceYamlView").queryAs(TextArea.class).getText();
        assertTrue(resource.contains("kind: Deployment") && resource.contains("name: cart-service-legacy"), resource);
    }

    @Test
    void filtersByResultAndNamespace(FxRobot robot) {
        robot.clickOn("#navCompliance");
        robot.clickOn("#resultCount-FAIL");
        assertEquals(20, rows(robot).size());
        assertTrue(rows(robot).stream().allMatch(r -> r.status() == RuleStatus.FAIL));
        assertEquals("Fail", robot.lookup("#resultsTable .result-fail").queryLabeled().getText());

        filterNamespace(robot, "checkout");
        assertEquals(List.of("Deployment checkout/search-indexer: require-requests-limits",
                        "Deployment checkout/storefront-preview: disallow-latest-tag",
                        "StatefulSet checkout/redis-cart: require-run-as-nonroot"),
                rows(robot).stream().map(r -> r.kind() + " " + r.result().resource().key() + ": " + r.policy()).sorted()
                        .toList());
        assertEquals("3", count(robot, "#resultCount-FAIL"));
        assertEquals("Namespace: checkout", robot.lookup("#resultNamespaceFilter").queryAs(CheckComboBox.class).getTitle());

        robot.clickOn("#resultCount-FAIL");
        assertTrue(robot.lookup("#resultCount-ALL").queryAs(ToggleButton.class).isSelected());
        assertTrue(rows(robot).stream().allMatch(r -> r.namespace().equals("checkout")));
        assertTrue(rows(robot).size() > 3);

        robot.clickOn("#clearResultFiltersButton");
        assertEquals(389, rows(robot).size());
    }

    @Test
    void cancellingARunHalfWayStopsItAndKeepsThePreviousResults(FxRobot robot) throws Exception {
        robot.clickOn("#navCompliance");
        robot.clickOn("#resultCount-FAIL");
        assertEquals(20, rows(robot).size());

        runner.pauseNextTaskAt(5);
        robot.clickOn("#runComplianceButton");
        runner.awaitPause();
        assertEquals("5 of 42 resources", text(robot, "#complianceProgressText"));
        assertTrue(robot.lookup("#complianceProgress").query().isVisible());
        assertEquals(5 / 42.0, robot.lookup("#complianceProgress").queryAs(ProgressBar.class).getProgress(), 1e-9);
        assertTrue(robot.lookup("#runComplianceButton").query().isDisabled());
        assertEquals(20, rows(robot).size(), "the previous results stay while a run is in progress");

        robot.clickOn("#cancelComplianceButton");
        runner.resume();
        Object outcome = runner.outcome.get(30, TimeUnit.SECONDS);
        assertInstanceOf(CancellationException.class, outcome);
        assertEquals("evaluation cancelled after 5 of 42 resources", ((Throwable) outcome).getMessage());

        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#complianceProgress").query().isVisible());
        assertFalse(robot.lookup("#runComplianceButton").query().isDisabled());
        assertTrue(robot.lookup("#cancelComplianceButton").query().isDisabled());
        assertTrue(text(robot, "#complianceSummary").startsWith("Cancelled. Still showing the previous results: Demo:"),
                text(robot, "#complianceSummary"));
        assertEquals(20, rows(robot).size());
        assertEquals("389", count(robot, "#resultCount-ALL"));
        assertFalse(robot.lookup("#complianceError").query().isVisible());
    }

    @Test
    void requestingAnExceptionFromAFailureOpensTheFilledFormOnReviews(FxRobot robot) {
        robot.clickOn("#navCompliance");
        robot.clickOn("#resultCount-FAIL");
        filterNamespace(robot, "checkout");
        assertTrue(robot.lookup("#requestExceptionButton").query().isDisabled());
        assertEquals("Select a failed check to request an exception for it", text(robot, "#requestWhyNot"));
        robot.clickOn(cell(robot, "#resultsTable", "redis-cart"));
        assertEquals("Fail · require-run-as-nonroot / autogen-run-as-non-root", text(robot, "#resultTitle"));
        assertFalse(robot.lookup("#requestExceptionButton").query().isDisabled());
        robot.clickOn("#requestExceptionButton");

        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#navReviews").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#reviewsScreen").tryQuery().isPresent());
        assertTrue(robot.lookup("#requestForm").query().isVisible());
        assertEquals("require-run-as-nonroot", robot.lookup("#policyChoice").queryAs(ComboBox.class).getValue());
        assertEquals(List.of("run-as-non-root"),
                List.copyOf(robot.lookup("#ruleChoice").queryAs(CheckComboBox.class).getCheckModel().getCheckedItems()));
        assertEquals("checkout", robot.lookup("#namespacesField").queryAs(TextInputControl.class).getText());
        assertEquals("Pod", robot.lookup("#kindsField").queryAs(TextInputControl.class).getText());
        assertEquals("redis-cart, redis-cart-*", robot.lookup("#namesField").queryAs(TextInputControl.class).getText());
    }

    private static void selectException(FxRobot robot, String name) {
        robot.clickOn("#searchField");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(name, 0);
        robot.clickOn(cell(robot, "#exceptionTable", name));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(name, text(robot, "#detailName"));
    }

    @Test
    void theRegisterSaysWhatAnExceptionCoversAndFlagsOneThatCoversNothing(FxRobot robot) {
        assertTrue(robot.lookup("#coverageButton").query().isDisabled(), "nothing selected yet");
        selectException(robot, "cilium-agent");
        robot.clickOn("#coverageButton");
        assertEquals("Turns 6 failed checks from Fail to Skip:", text(robot, "#coverageSummary"));
        var lines = robot.lookup("#coverageList").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertEquals(6, lines.size());
        assertTrue(lines.contains("DaemonSet kube-system/cilium: disallow-host-path / autogen-host-path"), lines.toString());
        assertFalse(robot.lookup("#coverageSummary").query().getStyleClass().contains("covers-nothing"));

        selectException(robot, "storefront-preview-latest");
        assertFalse(robot.lookup("#coverageSummary").query().isVisible(), "another selection clears the answer");
        robot.clickOn("#coverageButton");
        assertEquals("Covers nothing in this workspace: it may no longer be needed.", text(robot, "#coverageSummary"));
        assertTrue(robot.lookup("#coverageSummary").query().getStyleClass().contains("covers-nothing"));
        assertTrue(robot.lookup("#coverageList").queryAs(VBox.class).getChildren().isEmpty());
    }
}
