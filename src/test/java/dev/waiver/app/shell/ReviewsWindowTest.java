package dev.waiver.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.exceptions.ExceptionRow;
import dev.waiver.app.review.FolderTarget;
import dev.waiver.app.review.FxReviewDialogs;
import dev.waiver.app.review.MemoryAuditLog;
import dev.waiver.app.review.MutableClock;
import dev.waiver.app.review.ReviewAccess;
import dev.waiver.app.review.ReviewService;
import dev.waiver.app.review.ReviewsViewModel;
import dev.waiver.app.settings.Settings;
import dev.waiver.app.ui.DialogService;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.review.ReviewSettings;
import dev.waiver.engine.review.Workflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The review path through the whole window: open Reviews, fill the request form, submit, switch the
/// reviewer, approve in the dialog (which shows the blast radius), apply to the workspace folder, and
/// find the exception Active in the queue and in the register.
@ExtendWith(ApplicationExtension.class)
class ReviewsWindowTest {

    private static final String POLICY = """
            apiVersion: kyverno.io/v1
            kind: ClusterPolicy
            metadata:
              name: disallow-privileged-containers
            spec:
              rules:
                - name: privileged-containers
                  match:
                    any:
                      - resources:
                          kinds: [Pod]
                  validate:
                    message: Privileged mode is disallowed.
                    pattern:
                      spec:
                        containers:
                          - =(securityContext):
                              =(privileged): "false"
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: vendor-api-1, namespace: payments}
            spec:
              containers:
                - name: main
                  image: registry.example.com/vendor:1
                  securityContext: {privileged: true}
            """;

    private Path folder;
    private Path home;
    private WaiverApp.Composed composed;
    private final List<String> shown = new ArrayList<>();

    /// Records messages and picks the workspace folder whenever a folder is asked for.
    private final class PickingDialogs implements DialogService {
        @Override
        public void showError(String title, String message) {
            shown.add("error: " + title + ": " + message);
        }

        @Override
        public void showInformation(String title, String message) {
            shown.add("info: " + title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public Optional<Path> chooseFolder(String title, Optional<Path> initial) {
            return Optional.of(folder);
        }
    }

    private Settings settings;

    @Start
    void start(Stage stage) throws IOException {
        folder = Files.createTempDirectory("waiver-gitops");
        home = Files.createTempDirectory("waiver-home");
        Files.writeString(folder.resolve("workload.yaml"), POLICY);
        var clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
        int[] ids = {0};
        var service = new ReviewService(new MemoryAuditLog(), new Workflow(ReviewSettings.defaults()), clock,
                target -> new FolderTarget(Path.of(target.name())), () -> "R-" + (4000 + ++ids[0]));
        settings = Settings.load(home.resolve(Settings.FILE_NAME));
        composed = WaiverApp.compose(clock, settings, new ImmediateRunner(),
                new PickingDialogs(), new DefaultWorkspaceLoaders(), WaiverApp.yamlRenderer(), ReviewAccess.open(service),
                new FxReviewDialogs(() -> stage), "dana");
        stage.setScene(WaiverApp.scene(composed.window()));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        composed.viewModel().start(new WorkspaceChoice.Folder(folder));
    }

    @AfterEach
    void clean() throws IOException {
        for (Path dir : List.of(folder, home)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String text(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryLabeled().getText();
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text, 0);
    }

    @Test
    void requestApproveByAnotherReviewerApplyAndSeeItActive(FxRobot robot) {
        robot.clickOn("#navReviews");
        assertTrue(robot.lookup("#reviewsScreen").tryQuery().isPresent());
        assertFalse(robot.lookup("#reviewsBadge").query().isVisible(), "nothing to remind of yet");

        robot.clickOn("#newRequestButton");
        robot.clickOn("#policyChoice");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((javafx.scene.control.ListCell<?> cell) -> "disallow-privileged-containers".equals(cell.getText()))
                .queryAs(Node.class));
        robot.clickOn("#namespacesField").write("payments", 0);
        assertEquals("A request needs a justification", text(robot, "#formProblem"));
        robot.clickOn("#namesField").write("vendor-*", 0);
        robot.clickOn("#reasonField").write("vendor agent", 0);
        robot.clickOn("#ticketField").write("SEC-88", 0);
        assertFalse(robot.lookup("#formProblem").query().isVisible());
        robot.clickOn("#submitRequestButton");

        TableView<?> queue = robot.lookup("#reviewQueue").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, queue.getItems().size());
        assertEquals("R-4001", text(robot, "#caseId"));
        assertEquals("In Review", text(robot, "#caseStatus"));
        assertEquals("1", text(robot, "#reviewsBadge"));
        assertTrue(robot.lookup("#approveButton").query().isDisabled());
        assertEquals("You requested this one: someone else must approve it", text(robot, "#approveWhyNot"));

        replaceText(robot, "#reviewerField", "sam");
        assertEquals(Optional.of("sam"), settings.get(ReviewsViewModel.REVIEWER_SETTING), "the name is remembered for next time");
        assertFalse(robot.lookup("#approveButton").query().isDisabled());
        robot.clickOn("#approveButton");
        assertEquals("1 failed check would become a Skip now:", text(robot, "#blastSummary"));
        ListView<?> skipped = robot.lookup("#blastRadiusList").queryListView();
        assertEquals(List.of("Pod payments/vendor-api-1: disallow-privileged-containers / privileged-containers"),
                List.copyOf(skipped.getItems()));
        robot.clickOn("#approveComment").write("checked", 0);
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "Approve".equals(b.getText()))
                .queryButton());

        assertEquals("Approved, not applied yet", text(robot, "#caseStage"));
        assertEquals("1 of 1: sam", text(robot, "#caseApprovals"));
        assertFalse(robot.lookup("#reviewsBadge").query().isVisible());

        robot.clickOn("#applyButton");
        assertEquals("Active", text(robot, "#caseStatus"));
        assertEquals("folder:" + folder, text(robot, "#caseAppliedTo"));
        assertEquals(List.of(), shown);

        robot.clickOn("#navExceptions");
        WaitForAsyncUtils.waitForFxEvents();
        var rows = composed.exceptions().rows();
        assertEquals(1, rows.size());
        ExceptionRow row = rows.getFirst();
        assertTrue(row.name().startsWith("disallow-privileged-containers-payments-"), row.name());
        assertEquals(ExemptionStatus.ACTIVE, row.status());
        assertEquals("1 shown / 1 total", robot.lookup("#rowCount").queryAs(Label.class).getText());
    }
}
