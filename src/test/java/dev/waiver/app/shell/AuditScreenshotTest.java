package dev.waiver.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.audit.AuditFixtures;
import dev.waiver.app.auditview.AuditRow;
import dev.waiver.app.review.FxReviewDialogs;
import dev.waiver.app.review.MutableClock;
import dev.waiver.app.review.ReviewAccess;
import dev.waiver.app.review.ReviewResult;
import dev.waiver.app.review.ReviewService;
import dev.waiver.app.settings.Settings;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.review.RequestForm;
import dev.waiver.engine.review.ReviewCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Six weeks of reviews recorded through the real service into a real audit log, then the Audit screen
/// rendered as a reviewer sees it: `target/screenshots/audit-log.png` (an approval selected, the chain
/// verified), `audit-metrics.png`, `audit-export.png` and `audit-altered.png` (after an entry was rewritten
/// behind Waiver's back), by [ScreenshotTest]'s means.
@ExtendWith(ApplicationExtension.class)
class AuditScreenshotTest {

    private static final Path OUT = Path.of("target", "screenshots");
    private static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");
    private static final String[] REQUESTORS = {"dana@payments", "bob@billing", "priya@search", "li@platform"};
    private static final String[] NAMESPACES = {"payments", "billing", "search", "platform", "ingest"};
    private static final String[] POLICIES = {"disallow-privileged-containers", "require-image-signature",
        "disallow-host-path", "require-run-as-nonroot"};

    private Stage stage;
    private Path home;
    private Path exports;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        home = Files.createTempDirectory("waiver-home");
        exports = Files.createTempDirectory("waiver-exports");
        Path gitops = Files.createDirectory(Files.createTempDirectory("waiver").resolve("platform-gitops"));
        var clock = new MutableClock(T0);
        var access = ReviewAccess.of(home, clock);
        history(access.service(), clock, gitops);
        var composed = WaiverApp.compose(clock, Settings.load(home.resolve(Settings.FILE_NAME)), new ImmediateRunner(),
                dialogs, new DefaultWorkspaceLoaders(), WaiverApp.yamlRenderer(), access, new FxReviewDialogs(() -> stage),
                "sam");
        stage.setScene(WaiverApp.scene(composed.window()));
        stage.setWidth(1680);
        stage.setHeight(960);
        stage.show();
        composed.viewModel().start(new WorkspaceChoice.Folder(gitops));
    }

    /// Requests every third day at first, then daily: the total in force grows, which is the red flag. A
    /// reviewer decides each request the next morning (every fifth rejected), ops applies it, removes most
    /// of what has ended, renews one and revokes one.
    private static void history(ReviewService service, MutableClock clock, Path gitops) {
        var pending = new ArrayDeque<String>();
        var applied = new ArrayList<String>();
        int n = 0;
        for (int day = 0; day < 42; day++) {
            if (day < 21 ? day % 3 == 0 : day % 3 != 2) {
                int i = n++;
                var form = new RequestForm(POLICIES[i % POLICIES.length], List.of(), List.of(NAMESPACES[i % NAMESPACES.length]),
                        List.of("Pod"), List.of("vendor-agent-*"), "vendor agent " + (i + 1) + " needs it until the fix ships",
                        Optional.of("SEC-" + (100 + i)), Optional.empty(), clock.instant().plus(Duration.ofDays(6 + (i * 7) % 17)),
                        REQUESTORS[i % REQUESTORS.length], Optional.empty());
                pending.add(id(service.request(form, Optional.empty())));
            }
            clock.advance(Duration.ofHours(2));
            while (pending.size() > 1 || day % 3 == 1 && !pending.isEmpty()) {
                String id = pending.poll();
                String reviewer = applied.size() % 2 == 0 ? "sam" : "lee";
                if ((applied.size() + pending.size()) % 5 == 4) {
                    id(service.reject(id, reviewer, "no ticket for the fix; ask again with one"));
                    continue;
                }
                id(service.approve(id, reviewer, "ticket checked, scope limited to the vendor agent", Optional.of("CISO")));
                id(service.apply(id, ReviewCase.Target.folder(gitops.toString()), "ops"));
                applied.add(id);
            }
            clock.advance(Duration.ofHours(3));
            for (int k = 0; k < applied.size(); k++) {
                String id = applied.get(k);
                var c = service.find(id).orElseThrow();
                if (!c.removed() && c.statusAt(clock.instant()) == ExemptionStatus.EXPIRED && k % 4 != 3) {
                    id(service.remove(id, "ops"));
                }
            }
            if (day == 30) {
                id(service.renew(applied.get(applied.size() - 3), "lee", Duration.ofDays(10), "the vendor fix slipped a week"));
            }
            if (day == 36) {
                id(service.revoke(applied.get(applied.size() - 2), "sam", "the vendor shipped the fix early"));
            }
            clock.advance(Duration.ofHours(19));
        }
    }

    private static String id(ReviewResult result) {
        assertThat(result).as(result.toString()).isInstanceOf(ReviewResult.Recorded.class);
        return ((ReviewResult.Recorded) result).after().id();
    }

    private void save(FxRobot robot, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        var image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        ScreenshotTest.save(image[0], OUT.resolve(name));
        assertThat(Files.size(OUT.resolve(name))).isGreaterThan(10_000);
    }

    @Test
    void savesTheAuditScreen(FxRobot robot) throws Exception {
        robot.clickOn("#navAudit");
        TableView<AuditRow> table = robot.lookup("#auditTable").queryTableView();
        assertThat(table.getItems()).hasSizeGreaterThan(60);
        robot.clickOn("#verifyButton");
        robot.clickOn(robot.lookup("#auditTable .table-cell")
                .match((TableCell<?, ?> cell) -> "approve".equals(cell.getText())).queryAs(Node.class));
        save(robot, "audit-log.png");

        robot.clickOn("#metricsTab");
        save(robot, "audit-metrics.png");

        dialogs.saveFolder = exports;
        robot.clickOn("#exportButton");
        robot.clickOn("#formatHtml");
        robot.clickOn("#chooseExportDestination");
        robot.clickOn("#runExportButton");
        WaitForAsyncUtils.waitForFxEvents();
        var pane = robot.lookup("#exportDialog").queryAs(javafx.scene.Parent.class);
        var image = new WritableImage[1];
        robot.interact(() -> image[0] = pane.getScene().snapshot(null));
        ScreenshotTest.save(image[0], OUT.resolve("audit-export.png"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "Close".equals(b.getText())).queryButton());

        robot.clickOn("#logTab");
        AuditFixtures.tamper(home, "UPDATE audit_entry SET actor = 'mallory' WHERE seq = 12");
        robot.clickOn("#verifyButton");
        save(robot, "audit-altered.png");
    }
}
