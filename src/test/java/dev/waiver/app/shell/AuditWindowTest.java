package dev.waiver.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.audit.AuditFixtures;
import dev.waiver.app.auditview.AuditRow;
import dev.waiver.app.export.ExportVerification;
import dev.waiver.app.review.FxReviewDialogs;
import dev.waiver.app.review.MutableClock;
import dev.waiver.app.review.ReviewAccess;
import dev.waiver.app.review.ReviewResult;
import dev.waiver.app.review.ReviewService;
import dev.waiver.app.settings.Settings;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.engine.audit.ChainVerdict;
import dev.waiver.engine.review.RequestForm;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.tree.TreeDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The Audit screen over a real audit log (SQLite in a temporary data folder) that the real review service
/// wrote: the entries newest first, the filters, an approval's before and after, Verify before and after
/// someone rewrites an entry behind Waiver's back, the metrics, and the export in each format.
@ExtendWith(ApplicationExtension.class)
class AuditWindowTest {

    private Path home;
    private Path gitops;
    private Path exports;
    private ReviewAccess access;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private String approved;
    private String rejected;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("waiver-home");
        gitops = Files.createTempDirectory("waiver-gitops");
        exports = Files.createTempDirectory("waiver-exports");
        var clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
        access = ReviewAccess.of(home, clock);
        ReviewService service = access.service();
        approved = request(service, clock, "dana", "payments", 10);
        clock.advance(Duration.ofHours(1));
        rejected = request(service, clock, "bob", "billing", 5);
        clock.advance(Duration.ofDays(1));
        recorded(service.approve(approved, "sam", "ticket checked", Optional.of("CISO")));
        recorded(service.reject(rejected, "sam", "no ticket"));
        clock.advance(Duration.ofDays(1));
        recorded(service.apply(approved, ReviewCase.Target.folder(gitops.toString()), "ops"));

        var composed = WaiverApp.compose(clock, Settings.load(home.resolve(Settings.FILE_NAME)), new ImmediateRunner(),
                dialogs, new DefaultWorkspaceLoaders(), WaiverApp.yamlRenderer(), access, new FxReviewDialogs(() -> stage),
                "dana");
        stage.setScene(WaiverApp.scene(composed.window()));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        composed.viewModel().start(new WorkspaceChoice.Folder(gitops));
    }

    private static String request(ReviewService service, MutableClock clock, String requestor, String namespace, int days) {
        var form = new RequestForm("disallow-privileged-containers", List.of("privileged-containers"), List.of(namespace),
                List.of("Pod"), List.of("vendor-*"), "vendor image needs privileged mode", Optional.of("SEC-7"),
                Optional.empty(), clock.instant().plus(Duration.ofDays(days)), requestor, Optional.empty());
        return recorded(service.request(form, Optional.empty()));
    }

    private static String recorded(ReviewResult result) {
        assertThat(result).isInstanceOf(ReviewResult.Recorded.class);
        return ((ReviewResult.Recorded) result).after().id();
    }

    @AfterEach
    void clean() throws IOException {
        access.close();
        for (Path dir : List.of(home, gitops, exports)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String text(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryLabeled().getText();
    }

    private static TableView<AuditRow> table(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#auditTable").queryTableView();
    }

    /// The seq and action of each row, top to bottom: `5 apply`.
    private static List<String> rows(FxRobot robot) {
        return table(robot).getItems().stream().map(row -> row.seq() + " " + row.action()).toList();
    }

    private static void choose(FxRobot robot, String combo, String item) {
        robot.clickOn(combo);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> cell) -> item.equals(cell.getText())).queryAs(Node.class));
    }

    private static void typeDate(FxRobot robot, String picker, String date) {
        robot.clickOn(picker + " .text-field");
        robot.write(date, 0);
        robot.type(KeyCode.ENTER);
    }

    private void openAudit(FxRobot robot) {
        robot.clickOn("#navAudit");
        assertThat(robot.lookup("#auditScreen").tryQuery()).isPresent();
    }

    @Test
    void theLogShowsEveryDecisionNewestFirstAndFilters(FxRobot robot) {
        openAudit(robot);
        assertThat(rows(robot)).containsExactly("5 apply", "4 reject", "3 approve", "2 request", "1 request");
        assertThat(text(robot, "#auditSummary")).isEqualTo("5 entries");
        assertThat(table(robot).getItems().getFirst().exemptionId()).isEqualTo(approved);
        assertThat(table(robot).getItems().getFirst().context()).isEqualTo("folder:" + gitops);

        choose(robot, "#actorFilter", "sam");
        assertThat(rows(robot)).containsExactly("4 reject", "3 approve");
        assertThat(text(robot, "#auditSummary")).isEqualTo("2 of 5 entries");

        choose(robot, "#actionFilter", "approve");
        assertThat(rows(robot)).containsExactly("3 approve");

        robot.clickOn("#clearAuditFilters");
        choose(robot, "#actionFilter", "request");
        assertThat(rows(robot)).containsExactly("2 request", "1 request");

        robot.clickOn("#clearAuditFilters");
        choose(robot, "#exemptionFilter", rejected);
        assertThat(rows(robot)).containsExactly("4 reject", "2 request");

        robot.clickOn("#clearAuditFilters");
        typeDate(robot, "#fromDate", "2026-11-24");
        assertThat(rows(robot)).containsExactly("5 apply", "4 reject", "3 approve");
        typeDate(robot, "#toDate", "2026-11-24");
        assertThat(rows(robot)).containsExactly("4 reject", "3 approve");
        assertThat(text(robot, "#auditSummary")).isEqualTo("2 of 5 entries");

        robot.clickOn("#clearAuditFilters");
        assertThat(rows(robot)).hasSize(5);
    }

    @Test
    void anApprovalShowsItsBeforeAndAfterWithTheAddedAnnotationsMarked(FxRobot robot) {
        openAudit(robot);
        assertThat(robot.lookup("#auditEntryPane .detail-empty").query().isVisible()).isTrue();
        robot.clickOn(robot.lookup("#auditTable .table-cell")
                .match((TableCell<?, ?> cell) -> "approve".equals(cell.getText())).queryAs(Node.class));

        assertThat(text(robot, "#entryTitle")).isEqualTo("Entry #3 · approve · " + approved);
        assertThat(text(robot, "#entryActor")).isEqualTo("sam");
        assertThat(text(robot, "#entryComment")).isEqualTo("ticket checked");
        assertThat(text(robot, "#entryTime")).isEqualTo("2026-11-24 13:00:00 UTC");
        assertThat(text(robot, "#diffSummary")).isEqualTo("3 fields: 3 added");

        TableView<TreeDiff.Field> diff = robot.lookup("#diffTable").queryTableView();
        assertThat(diff.getItems()).hasSizeGreaterThan(10);
        assertThat(diff.getItems()).filteredOn(TreeDiff.Field::changed).extracting(TreeDiff.Field::path).containsExactly(
                "metadata.annotations[\"waiver.dev/approved-by\"]", "metadata.annotations[\"waiver.dev/approved-at\"]",
                "metadata.annotations[\"waiver.dev/risk-acceptance\"]");
        assertThat(diff.getItems()).contains(new TreeDiff.Field("metadata.annotations[\"waiver.dev/approved-by\"]",
                TreeDiff.Change.ADDED, Optional.empty(), Optional.of("sam")));

        robot.clickOn("#changesOnlyToggle");
        assertThat(diff.getItems()).hasSize(3).allMatch(TreeDiff.Field::changed);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#diffTable .diff-new").queryAll()).hasSize(3);
        assertThat(robot.lookup("#diffTable .diff-old").queryAll()).isEmpty();

        robot.clickOn("#diffYamlTab");
        String before = robot.lookup("#beforeYaml").queryAs(TextInputControl.class).getText();
        String after = robot.lookup("#afterYaml").queryAs(TextInputControl.class).getText();
        assertThat(before).contains("waiver.dev/requestor: dana").doesNotContain("approved-by");
        assertThat(after).contains("waiver.dev/approved-by: sam");
    }

    @Test
    void verifySaysIntactThenNamesTheEntrySomeoneRewrote(FxRobot robot) throws Exception {
        openAudit(robot);
        robot.clickOn("#verifyButton");
        String head = access.stored().orElseThrow().log().head().hash();
        assertThat(text(robot, "#verifyVerdict")).isEqualTo("Chain intact: 5 entries, head " + head.substring(0, 12) + "…");
        assertThat(robot.lookup("#verifyVerdict").query().getStyleClass()).contains("audit-verdict-intact")
                .doesNotContain("error-banner");

        AuditFixtures.tamper(home, "UPDATE audit_entry SET comment = 'ticket checked twice' WHERE seq = 3");
        robot.clickOn("#verifyButton");
        assertThat(text(robot, "#verifyVerdict")).startsWith("Entry #3 was altered (");
        assertThat(robot.lookup("#verifyVerdict").query().getStyleClass()).contains("error-banner");

        robot.clickOn("#refreshAuditButton");
        assertThat(rows(robot)).hasSize(5);
    }

    @Test
    void theMetricsTabShowsTheMeasuresOfTheLog(FxRobot robot) {
        openAudit(robot);
        robot.clickOn("#metricsTab");
        // sam approved on day 1 what dana asked for until day 10: 9 days in force, nothing ended, nothing renewed.
        assertThat(text(robot, "#tileInForceValue")).isEqualTo("1");
        assertThat(text(robot, "#tileAverageDurationValue")).isEqualTo("9.0 days");
        assertThat(text(robot, "#tileAverageDurationTarget")).isEqualTo("Target: < 14 days");
        assertThat(text(robot, "#tileAverageDurationState")).isEqualTo("Target met");
        assertThat(text(robot, "#tileExpiredRemovedValue")).isEqualTo("—");
        assertThat(text(robot, "#tileExpiredRemovedState")).isEqualTo("No data yet");
        assertThat(text(robot, "#tileRenewalRateValue")).isEqualTo("0%");
        assertThat(text(robot, "#tileRenewalRateDetail")).isEqualTo("0 of 1 approved renewed");
        assertThat(text(robot, "#trendText")).startsWith("Not growing");
        XYChart<?, ?> chart = robot.lookup("#inForceChart").query();
        assertThat(chart.getData().getFirst().getData()).hasSize(2);
        assertThat(chart.getStyleClass()).doesNotContain("growing");
    }

    @Test
    void exportsInEachFormatReportingTheHeadAndTheJsonVerifies(FxRobot robot) throws Exception {
        openAudit(robot);
        dialogs.saveFolder = exports;
        String head = access.stored().orElseThrow().log().head().hash();
        robot.clickOn("#exportButton");
        for (String format : List.of("Csv", "Json", "Html")) {
            robot.clickOn("#format" + format);
            robot.clickOn("#chooseExportDestination");
            Path file = exports.resolve("waiver-audit-2026-11-25." + format.toLowerCase());
            assertThat(robot.lookup("#exportDestination").queryAs(TextInputControl.class).getText()).isEqualTo(file.toString());
            robot.clickOn("#runExportButton");
            assertThat(file).isRegularFile();
            assertThat(text(robot, "#exportResult")).isEqualTo("Wrote 5 entries as " + format.toUpperCase() + " to " + file);
            assertThat(robot.lookup("#exportHead").queryAs(TextInputControl.class).getText()).isEqualTo(head);
            assertThat(robot.lookup("#exportProblem").query().isVisible()).isFalse();
        }
        var verdict = ExportVerification.verify(exports.resolve("waiver-audit-2026-11-25.json"));
        assertThat(verdict).isEqualTo(new ChainVerdict.Intact(5, head));
        assertThat(Files.readString(exports.resolve("waiver-audit-2026-11-25.html"))).contains(head);

        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "Close".equals(b.getText())).queryButton());
        assertThat(robot.lookup("#exportDialog").tryQuery()).isEmpty();
    }

    @Test
    void aDestinationThatCannotBeWrittenIsOneClearMessage(FxRobot robot) {
        openAudit(robot);
        robot.clickOn("#exportButton");
        Path missing = exports.resolve("no-such-folder").resolve("audit.json");
        robot.clickOn("#exportDestination");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(missing.toString(), 0);
        robot.clickOn("#runExportButton");
        assertThat(text(robot, "#exportProblem")).isEqualTo("Could not write " + missing + ": the folder "
                + missing.getParent() + " does not exist");
        assertThat(robot.lookup("#exportResult").query().isVisible()).isFalse();
        assertThat(missing.getParent()).doesNotExist();
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> "Close".equals(b.getText())).queryButton());
    }
}
