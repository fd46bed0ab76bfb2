package dev.waiver.app.exceptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.app.workspace.WorkspaceLoader;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.RegisterEntry;
import dev.waiver.engine.exemption.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The register's filters, counters, sorting and loading, without a JavaFX toolkit.
class ExceptionListViewModelTest {

    private final Selection<RegisterEntry> selection = new Selection<>();
    private ExceptionListViewModel vm;

    @BeforeEach
    void load() {
        vm = new ExceptionListViewModel(new ImmediateRunner(), Fixture.CLOCK, selection);
        vm.load(Fixture.loader());
    }

    private List<String> names() {
        return vm.rows().stream().map(ExceptionRow::name).sorted().toList();
    }

    private int count(ExemptionStatus status) {
        return vm.countProperty(status).get();
    }

    @Test
    void loadsEveryExceptionWithItsStatusAndTheBrokenFile() {
        assertEquals(Fixture.EXCEPTIONS, vm.totalCountProperty().get());
        assertEquals(Fixture.EXCEPTIONS, vm.shownCountProperty().get());
        assertEquals(3, count(ExemptionStatus.ACTIVE));
        assertEquals(1, count(ExemptionStatus.IN_REVIEW));
        assertEquals(2, count(ExemptionStatus.INACTIVE));
        assertEquals(1, count(ExemptionStatus.EXPIRED));
        assertEquals(1, count(ExemptionStatus.REVOKED));
        assertEquals(1, count(ExemptionStatus.REJECTED));
        assertEquals(1, vm.problems().size());
        assertTrue(vm.problems().getFirst().file().endsWith("broken.yaml"));
        assertEquals(List.of("Kyverno (uncategorised)", "Pod Security Standards (Baseline)", "Supply Chain Security"),
                vm.availableCheckTypes());
        assertTrue(vm.availableNamespaces().containsAll(List.of("ci", "kube-system", "ml", "monitoring", "payments", "storage")));
        assertFalse(vm.loadingProperty().get());
        assertNull(vm.errorMessageProperty().get());
        assertTrue(vm.availableContexts().isEmpty());
        assertFalse(vm.severalContextsProperty().get(), "a folder gets no context column or filter");
        assertEquals("", vm.rows().getFirst().context());
    }

    @Test
    void filtersByStatusAndTogglesBack() {
        vm.toggleStatus(ExemptionStatus.ACTIVE);
        assertEquals(List.of("allow-debug-sidecar", "cni-legacy", "legacy-registry"), names());
        vm.toggleStatus(ExemptionStatus.EXPIRED);
        assertEquals(4, vm.rows().size());
        vm.toggleStatus(ExemptionStatus.ACTIVE);
        assertEquals(List.of("old-hostpath-backup"), names());
        vm.showAllStatuses();
        assertEquals(Fixture.EXCEPTIONS, vm.rows().size());
    }

    @Test
    void filtersByCheckType() {
        vm.checkTypeFilterProperty().set(Set.of("Supply Chain Security"));
        assertEquals(List.of("gpu-operator-images", "legacy-registry", "runner-cache-registry", "scraper-any-registry"), names());
        vm.checkTypeFilterProperty().set(Set.of("Supply Chain Security", "Kyverno (uncategorised)"));
        assertEquals(5, vm.rows().size());
    }

    @Test
    void filtersByNamespace() {
        vm.namespaceFilterProperty().set(Set.of("ci"));
        assertEquals(List.of("build-privileged", "runner-cache-registry"), names());
    }

    @Test
    void searchesEveryWordInNameRequestorTicketReasonPolicyAndRule() {
        vm.searchTextProperty().set("alice");
        assertEquals(List.of("allow-debug-sidecar"), names());
        vm.searchTextProperty().set("ERIN monitoring");
        assertEquals(List.of("node-exporter-privileged", "scraper-any-registry"), names());
        vm.searchTextProperty().set("SEC-120");
        assertEquals(List.of("gpu-operator-images"), names());
        vm.searchTextProperty().set("validate-registries");
        assertEquals(3, vm.rows().size());
        vm.searchTextProperty().set("nothing-like-this");
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void typingAndBackspacingGiveTheSameRowsAsAFreshSearch() {
        String typed = "erin monitoring";
        for (int k = 0; k <= typed.length(); k++) {
            check(typed.substring(0, k));
        }
        for (int k = typed.length(); k >= 0; k--) {
            check(typed.substring(0, k));
        }
        vm.namespaceFilterProperty().set(Set.of("monitoring"));
        check("e");
        vm.namespaceFilterProperty().set(Set.of());
        check("e");
    }

    private void check(String text) {
        vm.searchTextProperty().set(text);
        var fresh = new ExceptionListViewModel(new ImmediateRunner(), Fixture.CLOCK, new Selection<>());
        fresh.load(Fixture.loader());
        fresh.namespaceFilterProperty().set(vm.namespaceFilterProperty().get());
        fresh.searchTextProperty().set(text);
        assertEquals(fresh.rows().stream().map(ExceptionRow::id).sorted().toList(),
                vm.rows().stream().map(ExceptionRow::id).sorted().toList(), "after typing '" + text + "'");
        for (ExemptionStatus s : ExemptionStatus.values()) {
            assertEquals(fresh.countProperty(s).get(), vm.countProperty(s).get(), s + " after '" + text + "'");
        }
    }

    @Test
    void combinesEveryDimension() {
        vm.checkTypeFilterProperty().set(Set.of("Pod Security Standards (Baseline)"));
        vm.namespaceFilterProperty().set(Set.of("monitoring", "payments", "storage"));
        vm.searchTextProperty().set("example.com");
        assertEquals(List.of("allow-debug-sidecar", "node-exporter-privileged", "old-hostpath-backup"), names());
        vm.statusFilterProperty().set(Set.of(ExemptionStatus.ACTIVE, ExemptionStatus.IN_REVIEW));
        assertEquals(List.of("allow-debug-sidecar", "node-exporter-privileged"), names());
        vm.clearFilters();
        assertEquals(Fixture.EXCEPTIONS, vm.rows().size());
    }

    @Test
    void countersFollowTheOtherFiltersButNotTheStatusFilter() {
        vm.namespaceFilterProperty().set(Set.of("monitoring"));
        assertEquals(0, count(ExemptionStatus.ACTIVE));
        assertEquals(1, count(ExemptionStatus.IN_REVIEW));
        assertEquals(1, count(ExemptionStatus.REJECTED));
        assertEquals(2, vm.matchingAnyStatusProperty().get());

        vm.toggleStatus(ExemptionStatus.REJECTED);
        assertEquals(1, vm.rows().size());
        assertEquals(1, count(ExemptionStatus.IN_REVIEW), "the status filter leaves the counters alone");

        vm.searchTextProperty().set("node-exporter");
        assertEquals(1, count(ExemptionStatus.IN_REVIEW));
        assertEquals(0, count(ExemptionStatus.REJECTED));
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void sortsWithTheTableComparatorWithoutChangingTheFilter() {
        vm.comparatorProperty().set(ExceptionRow.BY_NAME.reversed());
        assertEquals("scraper-any-registry", vm.rows().getFirst().name());
        vm.comparatorProperty().set(ExceptionRow.BY_EXPIRES);
        assertEquals("old-hostpath-backup", vm.rows().getFirst().name());
        assertEquals("no expiry", vm.rows().getLast().expires());
        vm.namespaceFilterProperty().set(Set.of("payments"));
        assertEquals(List.of("allow-debug-sidecar", "legacy-registry"), vm.rows().stream().map(ExceptionRow::name).toList());
    }

    @Test
    void rowsCarryTheirCellTextPrecomputed() {
        var row = vm.rows().stream().filter(r -> r.name().equals("allow-debug-sidecar")).findFirst().orElseThrow();
        assertEquals("payments", row.namespace());
        assertEquals("disallow-privileged-containers: privileged-containers, autogen-privileged-containers", row.checks());
        assertEquals("Pod Security Standards (Baseline)", row.checkType());
        assertEquals("Pod in payments named checkout-api-*", row.matches());
        assertEquals("alice@example.com", row.requestor());
        assertEquals("2026-06-18 · in 2 days", row.expires());
        assertEquals(ExpiryUrgency.SOON, row.urgency());
        var expired = vm.rows().stream().filter(r -> r.name().equals("old-hostpath-backup")).findFirst().orElseThrow();
        assertEquals(ExpiryUrgency.PAST, expired.urgency());
        assertTrue(expired.expires().endsWith("days ago"), expired.expires());
        var bare = vm.rows().stream().filter(r -> r.name().equals("cni-legacy")).findFirst().orElseThrow();
        assertTrue(bare.findingCount() >= 2, bare.findingsSummary());
        assertTrue(bare.worstSeverity().isPresent());
    }

    @Test
    void selectingARowPublishesItsEntryAndAReloadKeepsIt() {
        vm.selectById("ci/build-privileged");
        assertEquals("build-privileged", selection.get().orElseThrow().exemption().name());
        vm.load(Fixture.loader());
        assertEquals("build-privileged", selection.get().orElseThrow().exemption().name());
        vm.selectedRowProperty().set(null);
        assertTrue(selection.get().isEmpty());
    }

    @Test
    void aFailedLoadKeepsTheRowsAndSaysWhy() {
        vm.load(() -> {
            throw new IllegalStateException("cannot read folder /nowhere");
        });
        assertEquals("cannot read folder /nowhere", vm.errorMessageProperty().get());
        assertFalse(vm.loadingProperty().get());
        assertEquals(Fixture.EXCEPTIONS, vm.rows().size());
        vm.load(Fixture.loader());
        assertNull(vm.errorMessageProperty().get());
    }

    @Test
    void onlyTheLatestOfOverlappingLoadsIsShown() {
        var runner = new DeferredRunner();
        var slow = new ExceptionListViewModel(runner, Fixture.CLOCK, new Selection<>());
        slow.load(Fixture.loader());
        slow.load(() -> {
            throw new IllegalStateException("second");
        });
        runner.deferred.get(1).run();
        runner.deferred.get(0).run();
        assertEquals("second", slow.errorMessageProperty().get());
        assertEquals(0, slow.totalCountProperty().get(), "the superseded first load is dropped");
    }

    @Test
    void reassemblingAWorkspaceHeldAddsTheStoredRequestsWithoutShowingAsLoading() {
        var stored = new ArrayList<Exemption>();
        var runner = new DeferredRunner();
        var register = new ExceptionListViewModel(runner, Fixture.CLOCK, new Selection<>(), (ws, now) -> List.copyOf(stored));
        Workspace held = Fixture.loader().load();
        register.load(() -> held);
        runner.deferred.getFirst().run();
        var reported = new ArrayList<Workspace>();

        stored.add(storedRequest());
        register.reassemble(held, reported::add, message -> { });
        assertFalse(register.loadingProperty().get(), "the rows stay current but for the one request: no Loading…");
        assertEquals(Fixture.EXCEPTIONS, register.totalCountProperty().get());
        runner.deferred.getLast().run();

        assertEquals(Fixture.EXCEPTIONS + 1, register.totalCountProperty().get());
        assertTrue(register.rows().stream().anyMatch(r -> r.name().equals("new-request")));
        assertEquals(List.of(held), reported);
        assertFalse(register.loadingProperty().get());

        register.reassemble(held, reported::add, message -> { });
        register.load(Fixture.twoContexts());
        runner.deferred.getLast().run();
        runner.deferred.get(runner.deferred.size() - 2).run();
        assertEquals(List.of("prod", "staging"), register.availableContexts(), "a newer load supersedes a re-assembly");
    }

    /// Runs each task only when the test says so, in the order it chooses.
    private static final class DeferredRunner implements BackgroundRunner {
        final List<Runnable> deferred = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> task, Consumer<? super T> ok, Consumer<? super Throwable> failed) {
            deferred.add(() -> {
                try {
                    ok.accept(task.call());
                } catch (Exception e) {
                    failed.accept(e);
                }
            });
        }
    }

    /// A request kept in the review store, in no workspace.
    private static Exemption storedRequest() {
        return KyvernoObjects.toExemption(Map.of("apiVersion", "kyverno.io/v2", "kind", "PolicyException",
                "metadata", Map.of("name", "new-request", "namespace", "ci",
                        "annotations", Map.of("waiver.dev/request-id", "r-9"))), new Source(Source.Kind.REQUEST, "store"),
                Optional.empty());
    }

    /// Two contexts merged, plus a local request from the review store that belongs to neither.
    private ExceptionListViewModel twoContexts() {
        var request = storedRequest();
        var merged = new ExceptionListViewModel(new ImmediateRunner(), Fixture.CLOCK, new Selection<>(),
                (workspace, now) -> List.of(request));
        merged.load(Fixture.twoContexts());
        return merged;
    }

    /// The merged workspace with staging's exceptions gone, as when staging is disconnected.
    private static WorkspaceLoader prodOnly() {
        return () -> {
            var ws = Fixture.twoContexts().load();
            return new Workspace(ws.title(), ws.source(), ws.exemptions().stream()
                    .filter(e -> e.source().name().equals("prod")).toList(), ws.policies(), ws.policyDocuments(),
                    ws.otherDocuments(), ws.problems());
        };
    }

    @Test
    void severalContextsGetAContextColumnAndFilterWhoseChoicesFollowTheRegister() {
        var merged = twoContexts();
        assertEquals(12, merged.totalCountProperty().get());
        assertTrue(merged.severalContextsProperty().get());
        assertEquals(List.of("prod", "staging"), merged.availableContexts());
        var byName = merged.rows().stream().filter(r -> r.name().equals("scraper-any-registry")).map(ExceptionRow::context)
                .sorted().toList();
        assertEquals(List.of("prod", "staging"), byName, "the same exception in both contexts is two rows");
        var request = merged.rows().stream().filter(r -> r.name().equals("new-request")).findFirst().orElseThrow();
        assertEquals("", request.context(), "a request not applied anywhere has no context");

        merged.load(prodOnly());
        assertEquals(List.of("prod"), merged.availableContexts());
        assertFalse(merged.severalContextsProperty().get(), "one context says nothing the title does not");
    }

    @Test
    void filtersByContextAndCountsUnderIt() {
        var merged = twoContexts();
        merged.contextFilterProperty().set(Set.of("staging"));
        assertEquals(List.of("node-exporter-privileged", "scraper-any-registry"),
                merged.rows().stream().map(ExceptionRow::name).sorted().toList());
        assertTrue(merged.rows().stream().allMatch(r -> r.context().equals("staging")));
        assertEquals(2, merged.matchingAnyStatusProperty().get());
        assertEquals(1, merged.countProperty(ExemptionStatus.IN_REVIEW).get());
        assertEquals(1, merged.countProperty(ExemptionStatus.REJECTED).get());
        assertEquals(0, merged.countProperty(ExemptionStatus.ACTIVE).get());

        merged.contextFilterProperty().set(Set.of("prod"));
        assertEquals(Fixture.EXCEPTIONS, merged.rows().size(), "the local request is in no context");
        assertEquals(3, merged.countProperty(ExemptionStatus.ACTIVE).get());

        merged.namespaceFilterProperty().set(Set.of("monitoring"));
        merged.toggleStatus(ExemptionStatus.REJECTED);
        assertEquals(List.of("prod:monitoring/scraper-any-registry"), merged.rows().stream().map(ExceptionRow::id).toList(),
                "the context combines with the other filters");
        assertEquals(1, merged.countProperty(ExemptionStatus.IN_REVIEW).get(), "the status filter leaves the counters alone");

        merged.contextFilterProperty().set(Set.of("prod", "staging"));
        assertEquals(2, merged.rows().size());
        assertEquals(4, merged.matchingAnyStatusProperty().get());

        merged.clearFilters();
        assertEquals(Set.of(), merged.contextFilterProperty().get());
        assertEquals(12, merged.rows().size());
        assertEquals(12, merged.matchingAnyStatusProperty().get());
    }

    @Test
    void aContextThatLeavesTheRegisterLeavesTheFilterAndOneLeftClearsIt() {
        var merged = twoContexts();
        merged.contextFilterProperty().set(Set.of("staging"));
        merged.load(Fixture.loader());
        assertEquals(Set.of(), merged.contextFilterProperty().get());
        assertEquals(Fixture.EXCEPTIONS + 1, merged.rows().size());

        merged.load(Fixture.twoContexts());
        merged.contextFilterProperty().set(Set.of("prod"));
        merged.load(prodOnly());
        assertEquals(Set.of(), merged.contextFilterProperty().get(),
                "a hidden filter must not go on hiding the requests that belong to no context");
        assertEquals(Fixture.EXCEPTIONS + 1, merged.rows().size());
    }

    @Test
    void aReloadDropsFilterChoicesThatNoLongerExist() {
        vm.namespaceFilterProperty().set(Set.of("ci", "gone"));
        assertEquals(2, vm.rows().size());
        vm.load(Fixture.loader());
        assertEquals(Set.of("ci"), vm.namespaceFilterProperty().get());
        assertEquals(2, vm.rows().size());
    }
}
