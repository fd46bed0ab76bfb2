import dev.waiver.app.evaluation.EvaluationInputs;
import dev.waiver.app.workspace.LoadResult;
import dev.waiver.app.workspace.SourcedDocument;
import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.engine.evaluation.EvaluationContext;
import dev.waiver.engine.evaluation.PolicySet;
import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import dev.waiver.engine.exemption.KyvernoObjects;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/// Evaluation speed (issue 3): resource × rule checks per second at 1k and 10k resources, and evaluation
/// time against the time it takes only to read the same YAML (the floor). Targets: ≥ 200k checks/s on
/// 2 cores; evaluation ≤ 3× parse time.
///
/// Policies: every ClusterPolicy of the corpus cases `pol-pod-security-*` and `pol-best-practices-*`
/// (Kyverno's pod-security and best-practices policies), read from the corpus folder at run time.
/// Resources: [ResourceGenerator], seed 42, written to a temporary folder in files of 250 documents, with
/// five PolicyExceptions beside them.
///
/// Each round does what `waiver evaluate -p POLICIES -r FOLDER` does before printing, timed in two parts:
/// - parse: `YamlDocuments.readPaths` of the resource folder (read the files, YAML → maps);
/// - evaluate: `EvaluationInputs.of` (sort documents, exception status, default namespace),
///   `PolicySet.compile`, `PolicySet.evaluate` on one thread (what the command does), then the same
///   compiled set evaluated again over two halves of the resources on two threads.
///
/// A check is one [RuleResult]: a rule (including its autogen variants) that matched the resource, was
/// not excluded, and gave pass, fail, warn, error or skip (preconditions or an exception). Rules that do
/// not match the resource's kind are not checks. The count comes from the results of every round.
///
/// Run: bench/run EvaluationBenchmark [CORPUS (default ../shared/conformance/kyverno)] [SIZES (default 1000,10000)]
public final class EvaluationBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long SEED = 42;

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/conformance/kyverno");
        int[] sizes = args.length > 1 ? Stream.of(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000, 10_000};
        System.out.printf("java %s, %d cores, max heap %d MB, load average %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        List<SourcedDocument> policies = policies(corpus);
        System.out.printf("%d policies from %s (pol-pod-security-*, pol-best-practices-*), %d rules before autogen%n",
                policies.size(), corpus, policies.stream().mapToInt(d -> ((List<?>) ((Map<?, ?>) d.tree().get("spec"))
                        .get("rules")).size()).sum());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int size : sizes) {
                run(size, policies, pool);
            }
        } finally {
            pool.shutdown();
        }
    }

    /// The policies of the chosen corpus cases; their test files and test resources are left out.
    private static List<SourcedDocument> policies(Path corpus) throws IOException {
        var files = new ArrayList<Path>();
        try (Stream<Path> cases = Files.list(corpus)) {
            for (Path dir : cases.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (!name.startsWith("pol-pod-security-") && !name.startsWith("pol-best-practices-")) {
                    continue;
                }
                try (Stream<Path> inCase = Files.list(dir)) {
                    inCase.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no pol-pod-security-* or pol-best-practices-* cases in " + corpus);
        }
        LoadResult read = YamlDocuments.readPaths(files);
        if (!read.problems().isEmpty()) {
            throw new IllegalStateException("corpus problems: " + read.problems());
        }
        return read.documents().stream().filter(d -> KyvernoObjects.isPolicy(d.tree())).toList();
    }

    private static void run(int size, List<SourcedDocument> policies, ExecutorService pool) throws Exception {
        Path dir = Files.createTempDirectory("waiver-eval-bench");
        try {
            long bytes = ResourceGenerator.write(dir, size, SEED);
            System.out.printf("%n== %,d resources: %.1f MB of YAML in %d files, load average %s%n", size, bytes / 1e6,
                    (size + ResourceGenerator.PER_FILE - 1) / ResourceGenerator.PER_FILE + 1, loadAverage());
            int warmups = size <= 2_000 ? 8 : 3;
            int rounds = size <= 2_000 ? 10 : 7;
            var parse = new ArrayList<Double>();
            var eval1 = new ArrayList<Double>();
            var evalOnly = new ArrayList<Double>();
            var eval2 = new ArrayList<Double>();
            var parseCpu = new ArrayList<Double>();
            var eval1Cpu = new ArrayList<Double>();
            long checks = -1;
            Round last = null;
            for (int i = 0; i < warmups + rounds; i++) {
                Round r = round(dir, policies, pool);
                if (i >= warmups) {
                    parse.add(r.parseMs);
                    eval1.add(r.eval1Ms);
                    evalOnly.add(r.evaluateMs);
                    eval2.add(r.eval2Ms);
                    parseCpu.add(r.parseCpuMs);
                    eval1Cpu.add(r.eval1CpuMs);
                }
                if (checks >= 0 && checks != r.results.size()) {
                    throw new IllegalStateException("results differ between rounds: " + checks + " / " + r.results.size());
                }
                checks = r.results.size();
                last = r;
            }
            describe(last);
            long retained = retainedHeap();  // with the last round's documents, inputs and results alive
            System.out.printf("allocated per round: parse %d MB, evaluate %d MB; heap in use after a GC with the"
                    + " parsed documents and results held: %d MB%n", last.parseBytes >> 20, last.eval1Bytes >> 20,
                    retained >> 20);
            double p = median(parse);
            double e1 = median(eval1);
            double e2 = median(eval2);
            System.out.printf("checks (rule results): %,d, %.1f per resource%n", checks, (double) checks / size);
            System.out.printf("parse (readPaths, YAML → maps): median %.1f ms, best %.1f ms  (%.1f MB/s)%n",
                    p, min(parse), bytes / 1e3 / p);
            System.out.printf("evaluate, 1 thread (inputs + compile + evaluate): median %.1f ms, best %.1f ms"
                    + " → %,.0f checks/s median, %,.0f best; evaluate() alone median %.1f ms%n",
                    e1, min(eval1), checks / e1 * 1e3, checks / min(eval1) * 1e3, median(evalOnly));
            System.out.printf("evaluate, 2 threads (evaluate() over two halves): median %.1f ms, best %.1f ms"
                    + " → %,.0f checks/s median, %,.0f best%n", e2, min(eval2), checks / e2 * 1e3, checks / min(eval2) * 1e3);
            System.out.printf("ratio evaluate (1 thread) / parse: median %.2f, of the medians %.2f (rounds: %s)%n",
                    median(ratioList(eval1, parse)), e1 / p, fmts2(ratioList(eval1, parse)));
            System.out.printf("CPU time of the main thread: parse median %.1f ms, evaluate median %.1f ms → %,.0f checks"
                    + " per CPU-second, ratio %.2f (rounds: %s)%n", median(parseCpu), median(eval1Cpu),
                    checks / median(eval1Cpu) * 1e3, median(ratioList(eval1Cpu, parseCpu)), fmts2(ratioList(eval1Cpu, parseCpu)));
            System.out.printf("parse + evaluate on 1 thread: %,.0f checks/s; load average %s%n", checks / (p + e1) * 1e3,
                    loadAverage());
            System.out.printf("rounds (ms) parse %s | eval1 %s | eval2 %s%n", fmts(parse), fmts(eval1), fmts(eval2));
            reachabilityFence(last);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private record Round(double parseMs, double eval1Ms, double evaluateMs, double eval2Ms, double parseCpuMs,
                         double eval1CpuMs, long parseBytes, long eval1Bytes, List<RuleResult> results,
                         EvaluationInputs inputs) {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static Round round(Path dir, List<SourcedDocument> policies, ExecutorService pool) throws Exception {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long a0 = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        LoadResult read = YamlDocuments.readPaths(List.of(dir));
        long t1 = System.nanoTime();
        long c1 = THREADS.getCurrentThreadCpuTime();
        long a1 = THREADS.getCurrentThreadAllocatedBytes();
        if (!read.problems().isEmpty()) {
            throw new IllegalStateException("read problems: " + read.problems());
        }
        // What EvaluateCommand does with the documents of -p and -r: sort them, compile, evaluate.
        var documents = new ArrayList<SourcedDocument>(policies);
        documents.addAll(read.documents());
        EvaluationInputs inputs = EvaluationInputs.of(new LoadResult(documents, read.problems()), NOW);
        EvaluationContext ctx = EvaluationContext.of(CLOCK).withNamespaceLabels(inputs.namespaceLabels());
        PolicySet set = PolicySet.compile(inputs.policies(), inputs.exceptions());
        long t2 = System.nanoTime();
        List<RuleResult> results = set.evaluate(inputs.resources(), ctx);
        long t3 = System.nanoTime();
        long c3 = THREADS.getCurrentThreadCpuTime();
        long a3 = THREADS.getCurrentThreadAllocatedBytes();

        // The same compiled set on two threads, each evaluating half of the resources.
        List<Map<String, Object>> resources = inputs.resources();
        int half = resources.size() / 2;
        long t4 = System.nanoTime();
        Future<List<RuleResult>> a = pool.submit(() -> set.evaluate(resources.subList(0, half), ctx));
        Future<List<RuleResult>> b = pool.submit(() -> set.evaluate(resources.subList(half, resources.size()), ctx));
        int twoThreads = get(a).size() + get(b).size();
        long t5 = System.nanoTime();
        if (twoThreads != results.size()) {
            throw new IllegalStateException("two threads gave " + twoThreads + " results, one thread " + results.size());
        }
        return new Round((t1 - t0) / 1e6, (t3 - t1) / 1e6, (t3 - t2) / 1e6, (t5 - t4) / 1e6, (c1 - c0) / 1e6,
                (c3 - c1) / 1e6, a1 - a0, a3 - a1, results, inputs);
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /// What was evaluated and what came out, so the mix can be judged.
    private static void describe(Round r) {
        var kinds = new TreeMap<String, Integer>();
        r.inputs.resources().forEach(t -> kinds.merge(String.valueOf(t.get("kind")), 1, Integer::sum));
        var statuses = new EnumMap<RuleStatus, Integer>(RuleStatus.class);
        r.results.forEach(x -> statuses.merge(x.status(), 1, Integer::sum));
        long hidden = r.results.stream().filter(x -> x.hiddenResult().filter(s -> s == RuleStatus.FAIL).isPresent()).count();
        var policies = new TreeMap<String, Integer>();
        r.results.forEach(x -> policies.merge(x.policyKey(), 1, Integer::sum));
        System.out.printf("kinds %s; exceptions honoured %d, not honoured %d%n", kinds, r.inputs.exceptions().size(),
                r.inputs.notHonoured().size());
        System.out.printf("results %s, of which skips hiding a fail %d; policies with results %d; digest %s%n", statuses,
                hidden, policies.size(), digest(r.results));
    }

    /// SHA-256 over every result (policy, rule, resource, status, message, exceptions, hidden result), to
    /// show that a change to the engine left the results as they were.
    private static String digest(List<RuleResult> results) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            for (RuleResult x : results) {
                sha.update(x.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /// Heap in use after a full GC.
    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void reachabilityFence(Object o) {
        java.lang.ref.Reference.reachabilityFence(o);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static List<Double> ratioList(List<Double> eval, List<Double> parse) {
        var out = new ArrayList<Double>();
        for (int i = 0; i < eval.size(); i++) {
            out.add(eval.get(i) / parse.get(i));
        }
        return out;
    }

    private static String fmts2(List<Double> values) {
        return String.join(" ", values.stream().map(v -> String.format("%.2f", v)).toList());
    }

    private static String fmts(List<Double> values) {
        return String.join(" ", values.stream().map(v -> String.format("%.0f", v)).toList());
    }
}
