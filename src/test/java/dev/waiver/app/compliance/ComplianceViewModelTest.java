package dev.waiver.app.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.exceptions.Fixture;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Screen;
import dev.waiver.app.workspace.DemoWorkspace;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.evaluation.RuleStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The Compliance screen's state without a toolkit: the demo workspace evaluated, counted, filtered,
/// cancelled, and a failure handed to the request form.
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

    private static final Workspace DEMO = DemoWorkspace.loader(Fixture.CLOCK).load();

    private final CountingRunner runner = new CountingRunner();
    private final SimpleObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(DEMO);
    private final SimpleStringProperty unavailable = new SimpleStringProperty("");
    private final List<String> requested = new ArrayList<>();
    private final List<Screen> shown = new ArrayList<>();
    private ComplianceViewModel vm;

    @BeforeEach
    void open() {
        vm = new ComplianceViewModel(runner, Fixture.CLOCK, workspace, doc -> "yaml:" + doc, (policy, rule, kind, ns, name) ->
                requested.add(String.join("|", policy, rule, kind, ns, name)), shown::add, unavailable);
    }

    private int count(RuleStatus status) {
        return vm.countProperty(status).get();
    }

    private ResultRow row(String kind, String name, String rule) {
        return vm.rows().stream().filter(r -> r.kind().equals(kind) && r.name().equals(name) && r.rule().equals(rule))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + kind + " " + name + " " + rule));
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
        assertEquals(34, vm.hiddenFailuresProperty().get());
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
    void aSkipNamesItsExceptionAndTheFailureItHides() {
        vm.activate();
        ResultRow skip = row("Deployment", "cart-service-legacy", "autogen-run-as-non-root");
        assertEquals(RuleStatus.SKIP, skip.status());
        assertEquals("checkout/cart-service-legacy-root", skip.exceptedBy());
        assertEquals("Fail", skip.hidden());
        assertTrue(skip.hidesFailure());
        assertEquals("", skip.message(), "the exception column says why it was skipped");

        vm.selectedRowProperty().set(skip);
        assertEquals("Skip · require-run-as-nonroot / autogen-run-as-non-root", vm.selectedTitleProperty().get());
        assertEquals("Deployment checkout/cart-service-legacy\nSkipped by checkout/cart-service-legacy-root; without it: Fail",
                vm.selectedTextProperty().get());
        assertFalse(vm.canRequestProperty().get());
        assertEquals("Already skipped by checkout/cart-service-legacy-root", vm.requestWhyNotProperty().get());
        String rule = vm.ruleYamlProperty().get();
        assertTrue(rule.startsWith("# policy require-run-as-nonroot, rule autogen-run-as-non-root\n"
                + "# generated by Kyverno's autogen"), rule);
        assertTrue(rule.contains("name=autogen-run-as-non-root"), "the generated rule, not the Pod rule: " + rule);
        assertTrue(vm.resourceYamlProperty().get().contains("name=cart-service-legacy"), vm.resourceYamlProperty().get());
    }

    @Test
    void filtersByResultNamespaceAndHiddenFailuresWithCountersUnderTheOtherFilters() {
        vm.activate();
        vm.toggleResult(RuleStatus.FAIL);
        assertEquals(20, vm.rows().size());
        assertTrue(vm.rows().stream().allMatch(r -> r.status() == RuleStatus.FAIL));

        vm.namespaceFilterProperty().set(Set.of("checkout"));
        assertEquals(List.of("Deployment search-indexer", "Deployment storefront-preview", "StatefulSet redis-cart"),
                vm.rows().stream().map(r -> r.kind() + " " + r.name()).sorted().toList());
        assertEquals(3, count(RuleStatus.FAIL));
        assertEquals(4, count(RuleStatus.SKIP), "counters count what clicking them would show under the namespace");
        assertEquals(4, vm.hiddenFailuresProperty().get());

        vm.kindFilterProperty().set(Set.of("StatefulSet"));
        assertEquals(List.of("redis-cart"), vm.rows().stream().map(ResultRow::name).toList());

        vm.showAllResults();
        vm.kindFilterProperty().set(Set.of());
        vm.hiddenFailuresOnlyProperty().set(true);
        assertEquals(4, vm.rows().size());
        assertTrue(vm.rows().stream().allMatch(ResultRow::hidesFailure));

        vm.clearFilters();
        vm.policyFilterProperty().set(Set.of("disallow-host-path"));
        vm.ruleFilterProperty().set(Set.of("autogen-cronjob-host-path"));
        assertEquals(List.of("kube-system/etcd-backup", "ml-training/finetune-nightly", "payments/settlement-batch"),
                vm.rows().stream().map(r -> r.result().resource().key()).sorted().toList());
        assertEquals(1, count(RuleStatus.FAIL));
        vm.toggleResult(RuleStatus.FAIL);
        assertEquals(List.of("CronJob kube-system/etcd-backup"),
                vm.rows().stream().map(r -> r.kind() + " " + r.result().resource().key()).toList());
        vm.clearFilters();
        vm.namespaceFilterProperty().set(Set.of("nowhere"));
        assertEquals(0, vm.rows().size());
        assertEquals("No result matches these filters", vm.placeholderProperty().get());
    }

    @Test
    void aFailureOpensTheRequestFormOnReviews() {
        vm.activate();
        assertFalse(vm.canRequestProperty().get());
        assertEquals("Select a failed check to request an exception for it", vm.requestWhyNotProperty().get());
        vm.selectedRowProperty().set(row("StatefulSet", "redis-cart", "autogen-run-as-non-root"));
        assertTrue(vm.canRequestProperty().get());
        assertEquals("", vm.requestWhyNotProperty().get());
        vm.requestException();
        assertEquals(List.of("require-run-as-nonroot|autogen-run-as-non-root|StatefulSet|checkout|redis-cart"), requested);
        assertEquals(List.of(Screen.REVIEWS), shown);

        vm.selectedRowProperty().set(vm.rows().stream().filter(r -> r.status() == RuleStatus.PASS).findFirst().orElseThrow());
        assertFalse(vm.canRequestProperty().get());
        assertEquals("Only a failed check needs an exception: this one is Pass", vm.requestWhyNotProperty().get());
        vm.requestException();
        assertEquals(1, requested.size(), "a disabled command does nothing");
    }

    @Test
    void noRequestWhileTheReviewWorkflowIsUnavailable() {
        vm.activate();
        vm.selectedRowProperty().set(row("StatefulSet", "redis-cart", "autogen-run-as-non-root"));
        unavailable.set("no data folder was given");
        assertFalse(vm.canRequestProperty().get());
        assertEquals("The review workflow is not available: no data folder was given", vm.requestWhyNotProperty().get());
        unavailable.set("");
        assertTrue(vm.canRequestProperty().get());
    }

    @Test
    void cancellingStopsBetweenResourcesAndKeepsThePreviousResults() {
        vm.activate();
        vm.toggleResult(RuleStatus.FAIL);
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
        assertEquals(34, vm.hiddenFailuresProperty().get());
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
