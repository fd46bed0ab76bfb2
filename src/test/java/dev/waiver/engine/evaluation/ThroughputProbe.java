package dev.waiver.engine.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Rough throughput probe over the whole corpus (run by hand: `-Dtest=ThroughputProbe`; it
/// measures and prints, it never fails: timing belongs to the benchmark harness, not to tests).
class ThroughputProbe {

    @Test
    void probe() throws Exception {
        var policies = new ArrayList<Map<String, Object>>();
        var resources = new ArrayList<Map<String, Object>>();
        for (Path dir : ConformanceCases.cases()) {
            var spec = KyvernoTestSpec.of(ConformanceCases.load(dir.resolve("kyverno-test.yaml")).get(0));
            spec.policies().forEach(p -> policies.addAll(ConformanceCases.load(dir.resolve(p))));
            spec.resources().forEach(r -> resources.addAll(ClusterScope.withDefaultNamespace(ConformanceCases.load(dir.resolve(r)))));
        }
        PolicySet set = PolicySet.compile(policies, List.of());
        long rules = set.policies().stream().mapToLong(p -> p.rules().size()).sum();
        var ctx = EvaluationContext.of(ConformanceCases.CLOCK);
        for (int i = 0; i < 3; i++) {
            set.evaluate(resources, ctx);
        }
        int rounds = 5;
        long start = System.nanoTime();
        int results = 0;
        for (int i = 0; i < rounds; i++) {
            results = set.evaluate(resources, ctx).size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double checks = (double) rules * resources.size() * rounds;
        System.out.printf("THROUGHPUT %d policies, %d rules, %d resources, %d results/round: %.0f resource x rule checks/s (%.0f results/s)%n",
                set.policies().size(), rules, resources.size(), results, checks / seconds, results * rounds / seconds);
    }
}
