package dev.waiver.app.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.exceptions.Fixture;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.DemoWorkspace;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.evaluation.RuleStatus;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The Compliance screen's results without a toolkit: the demo workspace evaluated when shown, counted,
/// filtered, cancelled half way, and the selected row shared with the detail.
class ComplianceViewModelTest {

    /// Runs everything at once like [ImmediateRunner], counting tasks and the progress steps reported.
    private static final class CountingRunner implements BackgroundRunner {
        int tasks;
        int steps;

        @Override
        public <T> void run(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
            tasks++;
            new ImmediateRunner().run(task, onSuccess, onError);
        }

        @Override
        public <U> Consumer<U> updates(Consumer<? super U> onUpdate) {
            return value -> {
                steps++;
                onUpdate.accept(value);
            };
        }
    }

    private final CountingRunner runner = new CountingRunner();
    private final SimpleObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(DemoResults.DEMO);
    private final Selection<SelectedResult> selection = new Selection<>();
    private ComplianceViewModel vm;

    @BeforeEach
    void open() {
        vm = new ComplianceViewModel(runner, Fixture.CLOCK, workspace, selection);
    }

    private int count(RuleStatus status) {
        return vm.filters().countProperty(status).get();
    }

    @Test
    void evaluatesOnlyWhenShownAndCountsEveryResult() {
        assertEquals(0, runner.tasks, "nothing runs before the screen is shown");
        assertEquals("Not evaluated yet: press Re-run to evaluate this workspace", vm.placeholderProperty().get());
        vm.activate();
        assertEquals(1, runner.tasks);
        assertFalse(vm.runningProperty().get());
        assertNull(vm.errorMessageProperty().get());
        assertEquals(389, vm.totalCountProperty().get());
        assertEquals(389, vm.rows().size());
        assertEquals(333, count(RuleStatus.PASS));
        assertEquals(20, count(RuleStatus.FAIL));
        assertEquals(0, count(RuleStatus.WARN));
        assertEquals(0, count(RuleStatus.ERROR));
        assertEquals(36, count(RuleStatus.SKIP));
        assertEquals(34, vm.filters().hiddenFailuresProperty().get());
        assertEquals(42, runner.steps, "one progress step per resource");
        assertTrue(vm.summaryProperty().get().startsWith(
                "Demo: 42 resources against 13 policies, honouring 18 Active exceptions (18 others not in effect)"),
                vm.summaryProperty().get());

        vm.deactivate();
        vm.activate();
        assertEquals(1, runner.tasks, "showing the screen again does not evaluate the same workspace again");
        vm.deactivate();
        workspace.set(DemoWorkspace.loader(Fixture.CLOCK).load());
        assertEquals(1, runner.tasks, "a new workspace waits until the screen shows");
        vm.activate();
        assertEquals(2, runner.tasks);
    }

    @Test
    void theRowsFollowTheFiltersAndSayWhenNoneMatch() {
        vm.activate();
        vm.filters().toggleResult(RuleStatus.FAIL);
        assertEquals(20, vm.rows().size());
        assertEquals(20, vm.shownCountProperty().get());
        assertTrue(vm.rows().stream().allMatch(r -> r.status() == RuleStatus.FAIL));
        vm.filters().clearFilters();
        vm.filters().namespaceFilterProperty().set(Set.of("nowhere"));
        assertEquals(0, vm.rows().size());
        assertEquals(389, vm.totalCountProperty().get());
        assertEquals("No result matches these filters", vm.placeholderProperty().get());
    }

    @Test
    void theSelectedRowIsSharedWithItsRunAndANewRunClearsIt() {
        vm.activate();
        ResultRow first = vm.rows().getFirst();
        vm.selectedRowProperty().set(first);
        SelectedResult selected = selection.get().orElseThrow();
        assertSame(first, selected.row());
        assertTrue(selected.evaluation().ruleDocument(first.policy(), first.rule()).isPresent(),
                "the run the row came from, to show its rule");
        vm.run();
        assertNull(vm.selectedRowProperty().get());
        assertTrue(selection.get().isEmpty());
    }

    @Test
    void cancellingStopsBetweenResourcesAndKeepsThePreviousResults() {
        vm.activate();
        vm.filters().toggleResult(RuleStatus.FAIL);
        int stepsBefore = runner.steps;
        vm.progressProperty().addListener((obs, old, now) -> {
            if (vm.runningProperty().get() && now.doubleValue() >= 5 / 42.0) {
                vm.cancel();
            }
        });
        vm.run();
        assertEquals(5, runner.steps - stepsBefore, "the run stopped after the resource it was cancelled on");
        assertFalse(vm.runningProperty().get());
        assertEquals(389, vm.totalCountProperty().get());
        assertEquals(20, vm.rows().size(), "the previous results and filters stay");
        assertEquals(34, vm.filters().hiddenFailuresProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith("Cancelled. Still showing the previous results: Demo: 42 resources"),
                vm.summaryProperty().get());
        assertNull(vm.errorMessageProperty().get(), "a cancel is not an error");
    }

    @Test
    void aWorkspaceWithoutResourcesSaysSoInsteadOfAnEmptyTable() {
        workspace.set(Fixture.loader().load());
        vm.activate();
        assertEquals(0, vm.rows().size());
        assertTrue(vm.placeholderProperty().get().startsWith("Nothing to evaluate: this workspace holds no resources"),
                vm.placeholderProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith("fixture: 0 resources against 2 policies"), vm.summaryProperty().get());
    }

    @Test
    void withoutAWorkspaceThereIsNothingToRun() {
        workspace.set(null);
        vm.activate();
        assertEquals(0, runner.tasks);
        assertFalse(vm.canRunProperty().get());
        assertEquals("Open a workspace to evaluate it", vm.placeholderProperty().get());
    }
}
