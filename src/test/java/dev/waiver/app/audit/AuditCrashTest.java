package dev.waiver.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.ChainVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Crash safety with real processes: a child JVM appends to the log and is killed with SIGKILL at random
/// moments (while opening or creating the log, mid-commit, between the commit and the head file, while
/// writing the head file), round after round on the same folder. Every entry the child acknowledged must
/// be there with the hash it acknowledged, and the log must verify as intact.
class AuditCrashTest {

    private static final int ROUNDS = 25;
    private static final long BUDGET_MS = 50_000;

    @TempDir
    Path home;

    @TempDir
    Path logs;

    @Test
    void killedWritersLoseNothingTheyAcknowledged() throws Exception {
        long seed = System.nanoTime();
        var random = new Random(seed);
        Map<Long, String> acknowledged = new HashMap<>();
        long start = System.currentTimeMillis();
        int rounds = 0;
        for (; rounds < ROUNDS && System.currentTimeMillis() - start < BUDGET_MS; rounds++) {
            Path stdout = logs.resolve("round-" + rounds + ".out");
            Path stderr = logs.resolve("round-" + rounds + ".err");
            // Files, not pipes: what the child wrote before the kill stays readable after it.
            Process child = new ProcessBuilder(command(rounds)).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            if (random.nextInt(5) == 0) {
                Thread.sleep(random.nextInt(900));
            } else {
                awaitFirstAcknowledgement(child, stdout, stderr);
                Thread.sleep(random.nextInt(150));
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            for (String line : acknowledgements(stdout)) {
                String[] parts = line.split(" ");
                acknowledged.put(Long.parseLong(parts[0]), parts[1]);
            }
            String context = "round " + rounds + ", seed " + seed + ", child stderr: " + read(stderr);
            if (!Files.exists(home.resolve("audit.db"))) {
                assertTrue(acknowledged.isEmpty(), context);
                continue;
            }
            ChainVerdict verdict = SqliteAuditLog.verifyAt(home);
            var intact = assertInstanceOf(ChainVerdict.Intact.class, verdict, () -> verdict.describe() + "; " + context);
            try (SqliteAuditLog log = SqliteAuditLog.openExisting(home).orElseThrow()) {
                Map<Long, String> stored = new HashMap<>();
                for (AuditEntry e : log.entries()) {
                    stored.put(e.seq(), e.hash());
                }
                acknowledged.forEach((seq, hash) -> assertEquals(hash, stored.get(seq), "entry " + seq + ", " + context));
                long recorded = Long.parseLong(Files.readString(home.resolve("audit.db.head")).split(" ")[0]);
                assertTrue(recorded >= intact.count() - 1 && recorded <= intact.count(),
                        "head file at " + recorded + ", log at " + intact.count() + ", " + context);
            }
        }
        assertTrue(rounds >= 10, "only " + rounds + " rounds in the time budget");
        assertTrue(acknowledged.size() > 0);
        assertEquals(List.of(), AuditStoreTest.names(home).stream()
                .filter(n -> n.endsWith(".tmp") || n.contains(".new")).toList(), "temporary files left behind");
    }

    private List<String> command(int round) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), AuditCrashChild.class.getName(), home.toString(),
                Integer.toString(round));
    }

    private static void awaitFirstAcknowledgement(Process child, Path stdout, Path stderr) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (acknowledgements(stdout).isEmpty()) {
            assertTrue(child.isAlive() && System.currentTimeMillis() < deadline,
                    () -> "no acknowledged append: " + read(stderr));
            Thread.sleep(5);
        }
    }

    /// Complete lines only: a line the kill cut short was never acknowledged.
    private static List<String> acknowledgements(Path stdout) throws IOException {
        String text = Files.readString(stdout, StandardCharsets.US_ASCII);
        String complete = text.substring(0, text.lastIndexOf('\n') + 1);
        return complete.lines().filter(line -> line.matches("\\d+ [0-9a-f]{64}")).toList();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
