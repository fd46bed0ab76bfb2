import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.export.AuditExport;
import dev.waiver.app.export.AuditExports;
import dev.waiver.app.export.ExportFormat;
import dev.waiver.app.export.ExportVerification;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditChain;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.ChainVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/// Audit log speed (design.md section 7): a durable append ≤ 20 ms at p99, verification ≥ 500k entries/s.
///
/// Appends: 2,000 single appends to a fresh file, each timed from the call to its return (commit synced to
/// disk, head file written and synced), after 200 unmeasured ones. Verification: a log of 200,000 entries
/// (filled through `appendAll`, 10,000 per transaction), verified from the file (`SqliteAuditLog.verify`:
/// read every row, decode, recompute every hash, check the head file), and in memory (`AuditChain.verify`
/// over loaded entries); then the same log exported to JSON and that export verified on its own.
/// Entries carry realistic before/after YAML (about 0.5 kB each).
///
/// Run: bench/run AuditBenchmark [entries]
public final class AuditBenchmark {

    public static void main(String[] args) throws IOException {
        int bulk = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        System.out.printf("java %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        Path root = Files.createTempDirectory("waiver-audit-bench");
        try {
            appends(root.resolve("appends"));
            verification(root.resolve("bulk"), bulk);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void appends(Path home) {
        var samples = new ArrayList<Long>();
        try (SqliteAuditLog log = SqliteAuditLog.open(home)) {
            for (int i = 0; i < 2_200; i++) {
                long t0 = System.nanoTime();
                log.append(record(i));
                if (i >= 200) {
                    samples.add(System.nanoTime() - t0);
                }
            }
        }
        System.out.printf("durable append, %,d to a fresh file: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                samples.size(), percentile(samples, 50), percentile(samples, 90), percentile(samples, 99),
                percentile(samples, 100));
    }

    private static void verification(Path home, int n) throws IOException {
        long t0 = System.nanoTime();
        try (SqliteAuditLog log = SqliteAuditLog.open(home)) {
            var batch = new ArrayList<AuditRecord>(10_000);
            for (int i = 0; i < n; i++) {
                batch.add(record(i));
                if (batch.size() == 10_000 || i == n - 1) {
                    log.appendAll(batch);
                    batch.clear();
                }
            }
            double fillS = (System.nanoTime() - t0) / 1e9;
            System.out.printf("fill: %,d entries in %.1f s (%,.0f entries/s through appendAll), file %.0f MB%n", n, fillS,
                    n / fillS, Files.size(home.resolve("audit.db")) / 1e6 + walSize(home));

            var fromFile = new ArrayList<Double>();
            var perCpu = new ArrayList<Double>();
            for (int round = 0; round < 5; round++) {
                long c0 = cpu();
                long v0 = System.nanoTime();
                ChainVerdict verdict = log.verify();
                fromFile.add(rate(n, v0, verdict));
                perCpu.add(n / ((cpu() - c0) / 1e9));
            }
            System.out.printf("verify from the file: %s entries/s (rounds: %s); %s entries per CPU-second%n",
                    fmt(median(fromFile)), fmts(fromFile), fmt(median(perCpu)));

            long l0 = System.nanoTime();
            List<AuditEntry> entries = log.entries();
            System.out.printf("load all entries: %.2f s%n", (System.nanoTime() - l0) / 1e9);
            long bytes = entries.stream().mapToLong(e -> e.record().before().length() + e.record().after().length()
                    + e.record().comment().length() + e.record().actor().length() + e.record().exemptionId().length() + 200).sum();
            System.out.printf("entries average %d bytes of encoded fields; SHA-256 alone over that many bytes: %s/s%n",
                    bytes / n, fmt(sha256Rate((int) (bytes / n))));
            var inMemory = new ArrayList<Double>();
            for (int round = 0; round < 5; round++) {
                long v0 = System.nanoTime();
                inMemory.add(rate(n, v0, AuditChain.verify(entries, Optional.of(log.head()))));
            }
            System.out.printf("verify in memory (AuditChain.verify, one thread): %s entries/s (rounds: %s)%n",
                    fmt(median(inMemory)), fmts(inMemory));

            Path json = home.resolve("export.json");
            long e0 = System.nanoTime();
            AuditExports.write(AuditExport.of(entries, Instant.now()), ExportFormat.JSON, json);
            double exportS = (System.nanoTime() - e0) / 1e9;
            long x0 = System.nanoTime();
            ChainVerdict exported = ExportVerification.verify(json);
            double checkS = (System.nanoTime() - x0) / 1e9;
            System.out.printf("JSON export: written in %.1f s (%.0f MB), verified on its own in %.1f s (%,.0f entries/s): %s%n",
                    exportS, Files.size(json) / 1e6, checkS, n / checkS, exported.getClass().getSimpleName());
        }
    }

    /// The ceiling any verification has here: bare SHA-256 over buffers of the average entry's size.
    private static double sha256Rate(int size) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] data = new byte[size];
            byte[] out = new byte[32];
            double best = 0;
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 200_000; i++) {
                    sha.update(data);
                    sha.digest(out, 0, 32);
                }
                best = Math.max(best, 200_000 / ((System.nanoTime() - t0) / 1e9));
            }
            return best;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /// CPU time of the whole process (every thread), to tell a slow machine from a busy one.
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double rate(int n, long start, ChainVerdict verdict) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(verdict instanceof ChainVerdict.Intact intact) || intact.count() != n) {
            throw new IllegalStateException("expected an intact chain of " + n + ": " + verdict.describe());
        }
        return n / seconds;
    }

    private static double walSize(Path home) throws IOException {
        Path wal = home.resolve("audit.db-wal");
        return Files.exists(wal) ? Files.size(wal) / 1e6 : 0;
    }

    private static AuditRecord record(int i) {
        String ns = List.of("payments", "checkout", "ml-training", "ingress").get(i % 4);
        String before = """
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata:
                  name: exception-%1$d
                  namespace: %2$s
                  annotations:
                    waiver.dev/requestor: dev%3$d@example.com
                    waiver.dev/ticket: SEC-%4$d
                    waiver.dev/reason: workload %1$d needs host paths until the vendor ships a fix
                    waiver.dev/expires: "2027-01-31T00:00:00Z"
                spec:
                  exceptions:
                  - policyName: disallow-host-path
                    ruleNames: [host-path, autogen-host-path]
                  match:
                    any:
                    - resources:
                        kinds: [Pod, Deployment]
                        namespaces: [%2$s]
                        names: [svc-%1$d-*]
                """.formatted(i, ns, i % 400, 1000 + i % 9000);
        AuditAction action = AuditAction.values()[i % AuditAction.values().length];
        String after = before + "    waiver.dev/approved-by: reviewer@example.com\n";
        // What each action records: a request has no object before it, a rejection none after, and so on.
        String[] objects = switch (action) {
            case REQUEST, DRAFT -> new String[] {"", before};
            case REJECT, REMOVE -> new String[] {before, ""};
            case APPLY -> new String[] {"", after};
            case SETTING -> new String[] {"maxDays: 30\n", "maxDays: 45\n"};
            default -> new String[] {before, after};
        };
        return new AuditRecord(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(37L * i), "reviewer" + (i % 7) + "@example.com",
                action, ns + "/exception-" + i, "prod-eu-" + (i % 3),
                "approved for 30 days: compensating control in place, SEC-" + (1000 + i % 9000), objects[0], objects[1]);
    }

    private static double percentile(List<Long> nanos, int p) {
        var sorted = nanos.stream().sorted().toList();
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String fmt(double rate) {
        return String.format("%,.0f", rate);
    }

    private static String fmts(List<Double> rates) {
        return String.join(", ", rates.stream().map(AuditBenchmark::fmt).toList());
    }
}
