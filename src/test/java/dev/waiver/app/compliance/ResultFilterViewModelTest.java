package dev.waiver.app.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.engine.evaluation.RuleStatus;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The Compliance filters without a toolkit or a run: the demo's results filtered by result, policy, rule,
/// namespace, kind and hidden failures, with the counters counting under the other filters.
class ResultFilterViewModelTest {

    private final ObservableList<ResultRow> source = FXCollections.observableArrayList();
    private final ResultFilterViewModel vm = new ResultFilterViewModel(source);

    @BeforeEach
    void load() {
        vm.offer(ResultFilterViewModel.Choices.of(DemoResults.ROWS));
        source.setAll(DemoResults.ROWS);
        vm.recount();
    }

    private List<ResultRow> shown() {
        return source.stream().filter(vm.predicateProperty().get()).toList();
    }

    private int count(RuleStatus status) {
        return vm.countProperty(status).get();
    }

    @Test
    void countsEveryResultBeforeAnyFilter() {
        assertEquals(389, shown().size());
        assertEquals(389, vm.matchingAnyProperty().get());
        assertEquals(333, count(RuleStatus.PASS));
        assertEquals(20, count(RuleStatus.FAIL));
        assertEquals(36, count(RuleStatus.SKIP));
        assertEquals(34, vm.hiddenFailuresProperty().get());
        assertTrue(vm.availableNamespaces().contains("checkout"), vm.availableNamespaces().toString());
        assertTrue(vm.availableKinds().contains("StatefulSet"), vm.availableKinds().toString());
    }

    @Test
    void filtersByResultNamespaceAndHiddenFailuresWithCountersUnderTheOtherFilters() {
        vm.toggleResult(RuleStatus.FAIL);
        assertEquals(20, shown().size());
        assertTrue(shown().stream().allMatch(r -> r.status() == RuleStatus.FAIL));

        vm.namespaceFilterProperty().set(Set.of("checkout"));
        assertEquals(List.of("Deployment search-indexer", "Deployment storefront-preview", "StatefulSet redis-cart"),
                shown().stream().map(r -> r.kind() + " " + r.name()).sorted().toList());
        assertEquals(3, count(RuleStatus.FAIL));
        assertEquals(4, count(RuleStatus.SKIP), "counters count what clicking them would show under the namespace");
        assertEquals(4, vm.hiddenFailuresProperty().get());

        vm.kindFilterProperty().set(Set.of("StatefulSet"));
        assertEquals(List.of("redis-cart"), shown().stream().map(ResultRow::name).toList());

        vm.showAllResults();
        vm.kindFilterProperty().set(Set.of());
        vm.hiddenFailuresOnlyProperty().set(true);
        assertEquals(4, shown().size());
        assertTrue(shown().stream().allMatch(ResultRow::hidesFailure));

        vm.clearFilters();
        vm.policyFilterProperty().set(Set.of("disallow-host-path"));
        vm.ruleFilterProperty().set(Set.of("autogen-cronjob-host-path"));
        assertEquals(List.of("kube-system/etcd-backup", "ml-training/finetune-nightly", "payments/settlement-batch"),
                shown().stream().map(r -> r.result().resource().key()).sorted().toList());
        assertEquals(1, count(RuleStatus.FAIL));
        vm.toggleResult(RuleStatus.FAIL);
        assertEquals(List.of("CronJob kube-system/etcd-backup"),
                shown().stream().map(r -> r.kind() + " " + r.result().resource().key()).toList());
        vm.clearFilters();
        vm.namespaceFilterProperty().set(Set.of("nowhere"));
        assertEquals(0, shown().size());
    }

    @Test
    void aNewRunDropsTheChosenValuesItNoLongerHas() {
        vm.namespaceFilterProperty().set(Set.of("checkout", "payments"));
        var withoutPayments = DemoResults.ROWS.stream().filter(r -> !r.namespace().equals("payments")).toList();
        vm.offer(ResultFilterViewModel.Choices.of(withoutPayments));
        assertEquals(Set.of("checkout"), vm.namespaceFilterProperty().get());
        assertFalse(vm.availableNamespaces().contains("payments"));
    }
}
