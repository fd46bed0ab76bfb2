package dev.waiver.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.cluster.ApiServerStub;
import dev.waiver.app.cluster.ExceptionNamespaces;
import dev.waiver.app.cluster.TestCluster;
import dev.waiver.app.exceptions.ExceptionRow;
import dev.waiver.app.review.ReviewHome;
import dev.waiver.app.review.ReviewResult;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.review.RequestForm;
import dev.waiver.engine.tree.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The review workflow from the window on a kubeconfig context, against fabric8's CRUD mock API server
/// over loopback: request, approve as another reviewer, Apply to the context (the PolicyException is in
/// the server with its `time_before` condition), see it Active in the register, open its case from there,
/// revoke (the object in the server ends now), remove (gone). Through all of it the register follows
/// each step without reconnecting: the watch brings the server's side, the review store the rest. A 403
/// on apply is one line on the screen and records nothing.
@ExtendWith(ApplicationExtension.class)
class ClusterReviewsWindowTest {

    private static final List<String> SHOWN = List.of("#workspaceTitle", "#workspaceSource", "#rowCount", "#loadError",
            "#caseId", "#caseStatus", "#caseStage", "#caseAppliedTo", "#caseResult", "#caseProblem", "#reviewsUnavailable");

    @TempDir
    Path dir;

    private ClusterWindow window;
    private TestCluster prod;
    private TestCluster.Connection connection;
    private Path home;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        window = new ClusterWindow(stage);
    }

    @BeforeEach
    void server() throws IOException {
        prod = TestCluster.start();
        prod.createException("debug-agent", "disallow-privileged", "privileged-containers");
        connection = prod.connect(dir, "prod");
        home = Files.createDirectories(dir.resolve("home"));
        // New exceptions go to the test namespace (on a real cluster: the throwaway one).
        Files.writeString(home.resolve("settings.properties"),
                ExceptionNamespaces.settingKey(connection.context()) + "=" + prod.namespace() + "\n");
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        if (connection != null) {
            connection.close();
        }
        if (prod != null) {
            prod.close();
        }
    }

    @Test
    void requestApproveApplyToTheContextThenRevokeAndRemoveFromTheWindow(FxRobot robot) throws Exception {
        String context = connection.context();
        String policy = prod.createClusterPolicy("disallow-privileged-containers", "Pod Security Standards (Baseline)");
        var composed = window.open(robot, dialogs, "dana", "--home", home.toString(),
                "--kubeconfig", connection.kubeconfig().toString(), "--context", context);
        waitFor(() -> registerRow(robot, "debug-agent").isPresent());
        assertTrue(TestCluster.real() || exceptionLists() >= 1, "opening the context lists its exceptions");

        // An exception Waiver did not request has no case to open, and says why.
        robot.clickOn(cell(robot, "#exceptionTable", "debug-agent"));
        waitFor(() -> text(robot, "#detailName").equals("debug-agent"));
        assertTrue(robot.lookup("#openReviewCaseButton").query().isDisabled());
        assertEquals("Not managed by Waiver: it was not requested here", text(robot, "#reviewCaseWhyNot"));

        // Request, as dana.
        robot.clickOn("#navReviews");
        robot.clickOn("#newRequestButton");
        waitFor(() -> !robot.lookup("#policyChoice").queryComboBox().getItems().isEmpty());
        robot.clickOn("#policyChoice");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((javafx.scene.control.ListCell<?> cell) -> policy.equals(cell.getText())).queryAs(Node.class));
        robot.clickOn("#namespacesField").write("payments", 0);
        robot.clickOn("#namesField").write("vendor-*", 0);
        robot.clickOn("#reasonField").write("vendor agent needs privileged mode", 0);
        robot.clickOn("#ticketField").write("SEC-88", 0);
        waitFor(() -> !robot.lookup("#submitRequestButton").query().isDisabled());
        robot.clickOn("#submitRequestButton");
        waitFor(() -> text(robot, "#caseStatus").equals("In Review"));
        String id = text(robot, "#caseId");
        assertTrue(id.startsWith("R-"), id);
        waitFor(() -> registerStatus(composed, id).equals(Optional.of(ExemptionStatus.IN_REVIEW)));

        // Approve, as sam.
        replaceText(robot, "#reviewerField", "sam");
        waitFor(() -> !robot.lookup("#approveButton").query().isDisabled());
        robot.clickOn("#approveButton");
        robot.clickOn(dialogButton(robot, "Approve"));
        waitFor(() -> text(robot, "#caseStage").equals("Approved, not applied yet"));
        waitFor(() -> registerStatus(composed, id).equals(Optional.of(ExemptionStatus.ACTIVE)));

        // Apply: the register's context is offered, and suggested, beside a folder.
        assertEquals("Apply…", robot.lookup("#applyButton").queryButton().getText());
        robot.clickOn("#applyButton");
        RadioButton first = robot.lookup("#applyTarget0").queryAs(RadioButton.class);
        assertEquals("Context " + context, first.getText());
        assertTrue(first.isSelected(), "the register's context is suggested");
        assertEquals("A folder…", robot.lookup("#applyTarget1").queryAs(RadioButton.class).getText());
        robot.clickOn(dialogButton(robot, "Apply"));
        waitFor(() -> text(robot, "#caseAppliedTo").equals("context:" + context));
        assertEquals("Active", text(robot, "#caseStatus"));
        assertEquals("Nothing to do", text(robot, "#caseStage"));
        assertTrue(text(robot, "#caseResult").startsWith("Applied " + id + " to context:" + context + " (resourceVersion "),
                text(robot, "#caseResult"));
        assertEquals("", text(robot, "#caseProblem"));

        var applied = held(id).orElseThrow();
        assertEquals(Optional.of(prod.namespace()), Trees.string(applied, "metadata", "namespace"));
        String expires = Trees.string(applied, "metadata", "annotations", "waiver.dev/expires").orElseThrow();
        assertTrue(Trees.list(applied, "spec", "conditions", "all").contains(timeBefore(expires)),
                Trees.list(applied, "spec", "conditions", "all").toString());

        // The register shows it Active, and leads back to its case.
        robot.clickOn("#navExceptions");
        waitFor(() -> registerRow(robot, id).map(r -> r.status() == ExemptionStatus.ACTIVE).orElse(false));
        String name = registerRow(robot, id).orElseThrow().name();
        robot.clickOn(cell(robot, "#exceptionTable", name));
        waitFor(() -> text(robot, "#reviewCaseSummary").equals("Request " + id + " · Active · Nothing to do"));
        robot.clickOn("#openReviewCaseButton");
        waitFor(() -> robot.lookup("#reviewsScreen").tryQuery().map(Node::isVisible).orElse(false)
                && text(robot, "#caseId").equals(id));

        // Revoke: the object in the server ends now.
        robot.clickOn("#revokeButton");
        robot.clickOn("#reasonAnswer").write("fixed upstream", 0);
        robot.clickOn(dialogButton(robot, "OK"));
        waitFor(() -> text(robot, "#caseStatus").equals("Revoked"));
        waitFor(() -> registerStatus(composed, id).equals(Optional.of(ExemptionStatus.REVOKED)));
        var revoked = held(id).orElseThrow();
        var annotations = Trees.stringMap(revoked, "metadata", "annotations");
        assertEquals("sam", annotations.get("waiver.dev/revoked-by"));
        assertEquals(annotations.get("waiver.dev/revoked-at"), annotations.get("waiver.dev/expires"));
        assertTrue(Trees.list(revoked, "spec", "conditions", "all").contains(timeBefore(annotations.get("waiver.dev/expires"))));

        // Remove: gone from the server and, through the watch, from the register.
        robot.clickOn("#removeButton");
        waitFor(() -> text(robot, "#caseStatus").equals("Revoked (removed)"));
        assertEquals(Optional.empty(), held(id));
        robot.clickOn("#navExceptions");
        waitFor(() -> registerRow(robot, id).isEmpty() && registerRow(robot, "debug-agent").isPresent());
        assertEquals(List.of("confirm: Remove " + id + ": Delete " + prod.namespace() + "/" + name
                + " from context:" + context + "?"), dialogs.shown);
        if (!TestCluster.real()) {
            assertEquals(0, exceptionLists(), "no review step reconnected to the context: its watch kept running");
        }

        window.close();
        var audit = audit();
        assertEquals(List.of(AuditAction.REQUEST, AuditAction.APPROVE, AuditAction.APPLY, AuditAction.REVOKE,
                AuditAction.APPLY, AuditAction.REMOVE), audit.stream().map(AuditRecord::action).toList());
        assertEquals("context:" + context, audit.get(2).context());
        assertEquals("sam", audit.get(1).actor());
        assertNoToken();
    }

    @Test
    void aForbiddenApplyIsOneLineOnTheScreenAndRecordsNothing(FxRobot robot) throws Exception {
        assumeFalse(TestCluster.real(), "scripts the server's answers");
        try (var stub = new ApiServerStub()) {
            stub.refuseCreates("payments", 403, "Forbidden", "policyexceptions.kyverno.io is forbidden: User "
                    + "\"stub-user\" cannot create resource \"policyexceptions\" in API group \"kyverno.io\"");
            var servers = new LinkedHashMap<String, String>();
            servers.put("prod", prod.url());
            servers.put("stub", stub.url());
            Path kubeconfig = TestCluster.kubeconfig(Files.createDirectories(dir.resolve("two")), servers);
            String id = approvedRequest();

            window.open(robot, dialogs, "ops", "--home", home.toString(), "--kubeconfig", kubeconfig.toString(),
                    "--context", "prod", "--context", "stub");
            waitFor(() -> registerRow(robot, "debug-agent").isPresent());
            robot.clickOn("#navReviews");
            TableView<?> queue = robot.lookup("#reviewQueue").queryTableView();
            waitFor(() -> queue.getItems().size() == 1);
            robot.interact(() -> queue.getSelectionModel().select(0));
            waitFor(() -> text(robot, "#caseId").equals(id) && !robot.lookup("#applyButton").query().isDisabled());

            robot.clickOn("#applyButton");
            assertEquals("Context stub", robot.lookup("#applyTarget1").queryAs(RadioButton.class).getText());
            robot.clickOn("#applyTarget1");
            robot.clickOn(dialogButton(robot, "Apply"));

            waitFor(() -> !text(robot, "#caseProblem").isEmpty());
            assertEquals("Apply failed: " + id + " not written to context:stub: Not allowed to create "
                    + "policyexceptions.kyverno.io in namespace payments as stub-user; nothing was written.",
                    text(robot, "#caseProblem"));
            assertTrue(robot.lookup("#caseProblem").query().isVisible());
            assertEquals("Approved, not applied yet", text(robot, "#caseStage"));
            assertEquals("not applied", text(robot, "#caseAppliedTo"));
            assertFalse(robot.lookup("#applyButton").query().isDisabled(), "it can be tried again");
            assertEquals(List.of(), dialogs.shown, "one message, on the screen, not in a window over it");
        }
        window.close();
        assertEquals(List.of(AuditAction.REQUEST, AuditAction.APPROVE), audit().stream().map(AuditRecord::action).toList());
        assertNoToken();
    }

    /// A request by dana approved by sam, recorded in the data folder before the window opens; its id.
    private String approvedRequest() throws Exception {
        try (var opened = ReviewHome.open(home, Clock.systemUTC())) {
            var service = opened.service();
            var now = Clock.systemUTC().instant();
            var form = new RequestForm("disallow-privileged-containers", List.of("privileged-containers"), List.of("payments"),
                    List.of("Pod"), List.of("vendor-*"), "vendor agent", Optional.of("SEC-88"), Optional.empty(),
                    now.plus(Duration.ofDays(10)), "dana", Optional.empty());
            String id = ((ReviewResult.Recorded) service.request(form, Optional.empty())).after().id();
            var approved = service.approve(id, "sam", "checked", Optional.empty());
            assertTrue(approved instanceof ReviewResult.Recorded, approved.toString());
            return id;
        }
    }

    private static Map<String, Object> timeBefore(String end) {
        return Map.of("key", "{{ time_before('{{ time_now_utc() }}', '" + end + "') }}", "operator", "Equals", "value", true);
    }

    /// The PolicyException the case wrote, as the server holds it now.
    private Optional<Map<String, Object>> held(String id) {
        return prod.exceptionsHeld().stream()
                .filter(o -> id.equals(Trees.string(o, "metadata", "annotations", "waiver.dev/request-id").orElse(null)))
                .findFirst();
    }

    private List<AuditRecord> audit() {
        try (var log = SqliteAuditLog.openExisting(home).orElseThrow()) {
            return log.entries().stream().map(e -> e.record()).toList();
        }
    }

    /// How often the server was asked for the list of every namespace's PolicyExceptions since the last call:
    /// once each time the session (re)connects. Waiver's writes and the test's own reads name a namespace,
    /// and a watch says `watch=true`.
    private int exceptionLists() throws InterruptedException {
        return (int) prod.takeRequestPaths().stream()
                .filter(path -> path.matches("/apis/kyverno\\.io/[^/]+/policyexceptions\\?.*") && !path.contains("watch=true"))
                .count();
    }

    /// The status the register (its ViewModel, whichever screen shows) gives the exception of this request.
    private static Optional<ExemptionStatus> registerStatus(WaiverApp.Composed composed, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> composed.exceptions().rows().stream()
                .filter(r -> r.entry().exemption().decision().requestId().filter(id::equals).isPresent())
                .map(ExceptionRow::status).findFirst()).get();
    }

    /// The register's row of this exception: by request id, else by name.
    @SuppressWarnings("unchecked")
    private static Optional<ExceptionRow> registerRow(FxRobot robot, String idOrName) {
        var table = (TableView<ExceptionRow>) robot.lookup("#exceptionTable").queryAs(Node.class);
        return table.getItems().stream().filter(r -> idOrName.equals(r.name())
                || r.entry().exemption().decision().requestId().filter(idOrName::equals).isPresent()).findFirst();
    }

    private static Node cell(FxRobot robot, String table, String content) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(table + " .table-cell").match((TableCell<?, ?> c) -> content.equals(c.getText()))
                .queryAs(Node.class);
    }

    private static Button dialogButton(FxRobot robot, String label) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane .button").match((Button b) -> label.equals(b.getText())).queryButton();
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text, 0);
    }

    private static String text(FxRobot robot, String query) {
        return ClusterWindow.text(robot, query);
    }

    private static void waitFor(Callable<Boolean> condition) {
        ClusterWindow.waitFor(condition, SHOWN);
    }

    /// The kubeconfig's token is in no file of the data folder.
    private void assertNoToken() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(TestCluster.TOKEN),
                        file.toString());
            }
        }
    }
}
