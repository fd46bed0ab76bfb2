import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.PolicySummary;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.RegisterEntry;
import dev.waiver.engine.exemption.RegisterFilter;
import dev.waiver.engine.exemption.RegisterSearch;
import dev.waiver.engine.exemption.RuleSummary;
import dev.waiver.engine.exemption.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/// Filter and sort speed of the register at 10k and 100k exceptions (design.md section 7: a keystroke
/// ≤ 16 ms median, a sort ≤ 200 ms). One "keystroke" is what the window does when the search text
/// changes: re-run the filter over every row and recount the status counters.
///
/// Run: bench/run FilterBenchmark
public final class FilterBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String[] NAMESPACES = {"payments", "checkout", "data-platform", "ml-training", "observability",
            "ingress", "kube-system", "ci-runners", "search", "identity", "billing", "mobile-api"};
    private static final String[] POLICIES = {"disallow-privileged-containers", "disallow-host-path", "disallow-latest-tag",
            "require-pod-requests-limits", "require-probes", "restrict-image-registries", "disallow-capabilities",
            "require-run-as-nonroot"};
    private static final String[] CATEGORIES = {"Pod Security Standards (Baseline)", "Best Practices",
            "Pod Security Standards (Restricted)"};
    private static final String[] TYPED = {"p", "pa", "pay", "paym", "payme", "paymen", "payment", "payments",
            "payments ", "payments d", "payments de", "payments deb", "payments debu", "payments debug"};

    public static void main(String[] args) {
        System.out.printf("java %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        for (int size : new int[] {10_000, 100_000}) {
            run(size);
        }
    }

    private static void run(int size) {
        var random = new Random(42);
        var exemptions = new ArrayList<Exemption>(size);
        for (int i = 0; i < size; i++) {
            exemptions.add(KyvernoObjects.toExemption(tree(i, random), Source.folder("/bench"), Optional.empty()));
        }
        var catalog = new PolicyCatalog(Arrays.stream(POLICIES).map(p -> new PolicySummary(p, "ClusterPolicy",
                Optional.empty(), List.of(CATEGORIES[Math.abs(p.hashCode()) % CATEGORIES.length]), Optional.empty(),
                PolicySummary.DEFAULT_CONTROLLERS, List.of(new RuleSummary(p + "-rule", true)))).toList());
        long t0 = System.nanoTime();
        Register register = Register.assess(exemptions, catalog, NOW);
        long assessMs = (System.nanoTime() - t0) / 1_000_000;

        // Warm up the JIT the way a user warms it: a few searches first.
        for (int i = 0; i < 3; i++) {
            var warm = new RegisterSearch(register.entries());
            for (String text : TYPED) {
                keystroke(warm, RegisterFilter.all().withText(text));
            }
        }
        // Each round is a new search typed from scratch (no verdicts remembered from earlier rounds):
        // the first keystroke scans every row, later ones narrow; then a combined filter, which scans all.
        var samples = new ArrayList<Long>();
        var fullScans = new ArrayList<Long>();
        for (int round = 0; round < 10; round++) {
            var search = new RegisterSearch(register.entries());
            for (int k = 0; k < TYPED.length; k++) {
                long t = keystroke(search, RegisterFilter.all().withText(TYPED[k]));
                samples.add(t);
                if (k == 0) {
                    fullScans.add(t);
                }
            }
            long t = keystroke(search, new RegisterFilter(Set.of(ExemptionStatus.ACTIVE, ExemptionStatus.EXPIRED),
                    Set.of("Best Practices"), Set.of("payments", "checkout"), "sec-"));
            samples.add(t);
            fullScans.add(t);
        }
        var sortSamples = new ArrayList<Long>();
        for (int round = 0; round < 10; round++) {
            long s0 = System.nanoTime();
            var sorted = new ArrayList<>(register.entries());
            sorted.sort(Comparator.comparing((RegisterEntry e) -> e.shownEnd().orElse(Instant.MAX))
                    .thenComparing(e -> e.exemption().name()));
            sortSamples.add(System.nanoTime() - s0);
        }
        System.out.printf("%,d exceptions: assess %d ms; keystroke (filter + counters) median %.2f ms, p95 %.2f ms,"
                        + " max %.2f ms; full scan median %.2f ms; sort by expiry median %.1f ms%n",
                size, assessMs, percentile(samples, 50), percentile(samples, 95), percentile(samples, 100),
                percentile(fullScans, 50), percentile(sortSamples, 50));
    }

    private static long keystroke(RegisterSearch search, RegisterFilter filter) {
        long start = System.nanoTime();
        RegisterSearch.Verdicts result = search.verdicts(filter);
        if (result.any() < 0) {
            throw new IllegalStateException();
        }
        return System.nanoTime() - start;
    }

    private static double percentile(List<Long> nanos, int p) {
        var sorted = nanos.stream().sorted().toList();
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /// A realistic PolicyException tree: varied namespaces, policies, requestors, tickets and expiries.
    private static Map<String, Object> tree(int i, Random random) {
        String ns = NAMESPACES[random.nextInt(NAMESPACES.length)];
        String policy = POLICIES[random.nextInt(POLICIES.length)];
        var annotations = new LinkedHashMap<String, Object>();
        annotations.put("waiver.dev/requestor", "dev" + random.nextInt(400) + "@example.com");
        if (random.nextInt(5) > 0) {
            annotations.put("waiver.dev/ticket", "SEC-" + (1000 + random.nextInt(9000)));
        }
        annotations.put("waiver.dev/reason", "workload " + i + " needs " + policy + " relaxed until the vendor ships a fix");
        Instant end = NOW.plus(Duration.ofHours(random.nextInt(24 * 120) - 24 * 40));
        var spec = new LinkedHashMap<String, Object>();
        spec.put("exceptions", List.of(Map.of("policyName", policy, "ruleNames", List.of(policy + "-rule", "autogen-" + policy + "-rule"))));
        spec.put("match", Map.of("any", List.of(Map.of("resources", Map.of("kinds", List.of("Pod", "Deployment"),
                "namespaces", List.of(ns), "names", List.of("svc-" + i + "-*"))))));
        spec.put("conditions", Map.of("all", List.of(Map.of("key", "{{ time_before('{{ time_now_utc() }}', '" + end + "') }}",
                "operator", "Equals", "value", true))));
        return Map.of("apiVersion", "kyverno.io/v2", "kind", "PolicyException",
                "metadata", Map.of("name", "exception-" + i, "namespace", ns, "annotations", annotations), "spec", spec);
    }
}
