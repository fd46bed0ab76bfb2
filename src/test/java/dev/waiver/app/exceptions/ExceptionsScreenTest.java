package dev.waiver.app.exceptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.engine.exemption.RegisterEntry;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The Exceptions screen in a real stage over the fixture folder: search, counters, check-type and
/// namespace filters, selection into the detail pane, and the load-problems list.
@ExtendWith(ApplicationExtension.class)
class ExceptionsScreenTest {

    private ExceptionListViewModel list;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        var selection = new Selection<RegisterEntry>();
        list = new ExceptionListViewModel(new ImmediateRunner(), Fixture.CLOCK, selection);
        var detail = new ExemptionDetailViewModel(selection, doc -> "name: " + ((java.util.Map<?, ?>) doc.get("metadata")).get("name"),
                Fixture.CLOCK);
        var scene = new Scene(new ExceptionsScreen(list, detail), 1280, 760);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/dev/waiver/app/ui/waiver.css")).toExternalForm());
        stage.setScene(scene);
        // The headless screen is small: keep the window's left edge on it so the robot can reach the headers.
        stage.setX(0);
        stage.setY(0);
        stage.show();
        list.load(Fixture.loader());
    }

    private static TableView<?> table(FxRobot robot) {
        return robot.lookup("#exceptionTable").queryTableView();
    }

    private static int rows(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return table(robot).getItems().size();
    }

    /// A large register's counts (`All 10000`, `Active 10000`) stay readable beside the detail pane: a counter
    /// takes the room its label and count need, and the bar wraps rather than eliding them.
    @Test
    void fiveDigitCountsShowInFullAtTheWindowsWidth(FxRobot robot) {
        // The screen's width in a 1280-pixel window, beside the navigation.
        robot.interact(() -> {
            stage.setWidth(1115);
            list.load(manyActiveExceptions(10_000));
        });
        assertEquals(10_000, rows(robot));
        var counters = new java.util.ArrayList<String>(List.of("#counter-ALL"));
        for (var status : dev.waiver.engine.exemption.ExemptionStatus.values()) {
            counters.add("#counter-" + status.name());
        }
        for (String id : counters) {
            var labels = robot.from(robot.lookup(id).queryAs(Node.class)).lookup(".label").queryAllAs(Label.class);
            assertEquals(2, labels.size(), id);
            labels.forEach(l -> assertTrue(!l.isTextTruncated(), id + " shows \"" + l.getText() + "\" in full"));
        }
        assertEquals("10000", robot.from(robot.lookup("#counter-ACTIVE").queryAs(Node.class)).lookup(".counter-count")
                .queryAs(Label.class).getText());
    }

    private static dev.waiver.app.workspace.WorkspaceLoader manyActiveExceptions(int count) {
        return () -> {
            var exemptions = new java.util.ArrayList<dev.waiver.engine.exemption.Exemption>();
            for (int i = 0; i < count; i++) {
                var tree = new java.util.LinkedHashMap<String, Object>();
                tree.put("apiVersion", "kyverno.io/v2");
                tree.put("kind", "PolicyException");
                tree.put("metadata", new java.util.LinkedHashMap<>(java.util.Map.of("name", "exception-" + i, "namespace", "payments")));
                tree.put("spec", java.util.Map.of("exceptions", List.of(java.util.Map.of("policyName", "disallow-host-path",
                        "ruleNames", List.of("host-path"))), "match", java.util.Map.of("any", List.of(java.util.Map.of(
                        "resources", java.util.Map.of("kinds", List.of("Pod"), "namespaces", List.of("payments")))))));
                exemptions.add(dev.waiver.engine.exemption.KyvernoObjects.toExemption(tree,
                        dev.waiver.engine.exemption.Source.folder("generated"), java.util.Optional.empty()));
            }
            return new dev.waiver.app.workspace.Workspace("generated", dev.waiver.engine.exemption.Source.folder("generated"),
                    exemptions, new dev.waiver.engine.exemption.PolicyCatalog(List.of()), List.of(), List.of(), List.of());
        };
    }

    @Test
    void typingInTheSearchFieldFiltersTheTable(FxRobot robot) {
        assertEquals(Fixture.EXCEPTIONS, rows(robot));
        robot.clickOn("#searchField").write("erin", 0);
        assertEquals(2, rows(robot));
        robot.write(" node", 0);
        assertEquals(1, rows(robot));
        robot.interact(() -> robot.lookup("#searchField").queryAs(TextInputControl.class).clear());
        assertEquals(Fixture.EXCEPTIONS, rows(robot));
    }

    /// Header clicks do not reach the sort under the headless glass robot (a plain TableView does not sort
    /// either), so this drives the table's sort order the way a header click does.
    @Test
    void theTableSortOrderSortsTheRows(FxRobot robot) {
        @SuppressWarnings("unchecked")
        var table = (TableView<ExceptionRow>) table(robot);
        var name = table.getColumns().get(1);
        robot.interact(() -> table.getSortOrder().setAll(name));
        assertEquals("allow-debug-sidecar", list.rows().getFirst().name());
        robot.interact(() -> name.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING));
        assertEquals("scraper-any-registry", list.rows().getFirst().name());
        robot.interact(() -> table.getSortOrder().setAll(table.getColumns().get(7)));
        assertEquals("old-hostpath-backup", list.rows().getFirst().name(), "expired first");
        assertEquals("no expiry", list.rows().getLast().expires());
        robot.interact(() -> table.getSortOrder().clear());
        assertEquals("build-privileged", list.rows().getFirst().name(), "register order again");
    }

    @Test
    void statusCountersAreQuickFilters(FxRobot robot) {
        var active = robot.lookup("#counter-ACTIVE").queryAs(ToggleButton.class);
        assertTrue(robot.from(active).lookup(".counter-count").queryAs(Label.class).getText().equals("3"));
        robot.clickOn(active);
        assertEquals(3, rows(robot));
        assertTrue(active.isSelected());
        assertTrue(!robot.lookup("#counter-ALL").queryAs(ToggleButton.class).isSelected());
        robot.clickOn("#counter-EXPIRED");
        assertEquals(4, rows(robot));
        robot.clickOn("#counter-ALL");
        assertEquals(Fixture.EXCEPTIONS, rows(robot));
        assertTrue(!active.isSelected());
    }

    @Test
    void checkTypeAndNamespaceFiltersNarrowTheTable(FxRobot robot) {
        robot.clickOn("#checkTypeFilter");
        robot.clickOn(popupItem(robot, "Supply Chain Security"));
        robot.type(KeyCode.ESCAPE);
        assertEquals(4, rows(robot));
        assertEquals(java.util.Set.of("Supply Chain Security"), list.checkTypeFilterProperty().get());

        robot.clickOn("#namespaceFilter");
        robot.clickOn(popupItem(robot, "ci"));
        robot.type(KeyCode.ESCAPE);
        assertEquals(1, rows(robot));
        assertEquals("runner-cache-registry", list.rows().getFirst().name());

        robot.clickOn("#clearFiltersButton");
        assertEquals(Fixture.EXCEPTIONS, rows(robot));
        assertTrue(robot.lookup("#namespaceFilter").queryAs(CheckComboBox.class).getCheckModel().getCheckedItems().isEmpty());
    }

    /// A reload gives the filter's popup fresh check boxes: a chosen item must still show checked, and a
    /// click on it must still uncheck it.
    @Test
    void aFilterChoiceStaysClickableAfterAReload(FxRobot robot) {
        robot.clickOn("#namespaceFilter");
        robot.clickOn(popupItem(robot, "ci"));
        robot.type(KeyCode.ESCAPE);
        assertEquals(2, rows(robot));
        robot.interact(() -> list.load(Fixture.loader()));
        robot.clickOn("#namespaceFilter");
        var ci = popupItem(robot, "ci");
        assertTrue(((javafx.scene.control.CheckBox) ci).isSelected(), "the chosen namespace shows checked");
        robot.clickOn(ci);
        robot.type(KeyCode.ESCAPE);
        assertEquals(java.util.Set.of(), list.namespaceFilterProperty().get());
        assertEquals(Fixture.EXCEPTIONS, rows(robot));
    }

    @Test
    void severalContextsAddAContextColumnFilterAndDetailRow(FxRobot robot) {
        @SuppressWarnings("unchecked")
        var table = (TableView<ExceptionRow>) table(robot);
        assertTrue(table.getColumns().stream().noneMatch(c -> "colContext".equals(c.getId())), "a folder has no context column");
        assertTrue(!robot.lookup("#contextFilter").query().isVisible());

        robot.interact(() -> list.load(Fixture.twoContexts()));
        assertEquals("colContext", table.getColumns().get(1).getId());
        assertEquals("Context", table.getColumns().get(1).getText());
        assertTrue(robot.lookup("#contextFilter").query().isVisible());
        robot.clickOn("#contextFilter");
        robot.clickOn(popupItem(robot, "staging"));
        robot.type(KeyCode.ESCAPE);
        assertEquals(2, rows(robot));
        assertEquals("Context: staging", robot.lookup("#contextFilter").queryAs(CheckComboBox.class).getTitle());

        robot.interact(() -> list.selectById("staging:monitoring/scraper-any-registry"));
        assertEquals("staging", text(robot, "#detailContext"));
        assertTrue(robot.lookup("#detailContext").query().isVisible());

        robot.interact(() -> list.load(Fixture.loader()));
        assertTrue(table.getColumns().stream().noneMatch(c -> "colContext".equals(c.getId())));
        assertTrue(!robot.lookup("#contextFilter").query().isVisible());
        assertEquals(Fixture.EXCEPTIONS, rows(robot));
        robot.interact(() -> list.selectById("monitoring/scraper-any-registry"));
        assertTrue(!robot.lookup("#detailContext").query().isVisible(), "no context row for a folder's exception");
    }

    /// The check box of an item in the open CheckComboBox popup (not a table cell with the same text).
    private static Node popupItem(FxRobot robot, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".combo-box-popup .check-box").match((javafx.scene.control.CheckBox box) ->
                box.getParent() != null && text.equals(((javafx.scene.control.ListCell<?>) box.getParent()).getText()))
                .query();
    }

    @Test
    void selectingARowShowsItsDetailAndYaml(FxRobot robot) {
        robot.clickOn("#searchField").write("allow-debug", 0);
        assertEquals(1, rows(robot));
        robot.clickOn(robot.lookup("#exceptionTable .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> cell) -> "allow-debug-sidecar".equals(cell.getText()))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("allow-debug-sidecar", text(robot, "#detailName"));
        assertEquals("Active", text(robot, "#detailStatus"));
        assertEquals("alice@example.com", text(robot, "#detailRequestor"));
        assertEquals("SEC-101", text(robot, "#detailTicket"));
        assertEquals("bob@example.com", text(robot, "#detailApprover"));
        assertEquals("2026-06-18 00:00 UTC (in 2 days)", text(robot, "#detailExpires"));
        assertEquals("Enforced by the cluster: time condition", text(robot, "#detailExpiryNote"));
        assertTrue(text(robot, "#detailOrigin").endsWith("payments.yaml:1"));
        assertEquals("name: allow-debug-sidecar", robot.lookup("#yamlView").queryAs(TextArea.class).getText());

        // Filtering that keeps the row keeps it selected; filtering it away empties the detail.
        robot.interact(() -> list.searchTextProperty().set("alice"));
        assertEquals("allow-debug-sidecar", text(robot, "#detailName"));
        robot.interact(() -> list.toggleStatus(dev.waiver.engine.exemption.ExemptionStatus.EXPIRED));
        assertEquals(0, rows(robot));
        assertEquals("", text(robot, "#detailName"));
    }

    @Test
    void theBrokenFileIsListedAmongTheProblems(FxRobot robot) {
        robot.interact(() -> list.problemsShownProperty().set(true));
        ListView<LoadProblem> problems = robot.lookup("#problemsList").query();
        assertTrue(problems.isVisible());
        assertEquals(1, problems.getItems().size());
        assertTrue(problems.getItems().getFirst().file().endsWith("broken.yaml"));
        assertTrue(robot.lookup("#problemsList .list-cell").queryAs(javafx.scene.control.ListCell.class)
                .getText().contains("broken.yaml"));
        robot.clickOn("#hideProblemsButton");
        assertTrue(!robot.lookup("#problemsPanel").query().isVisible());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
