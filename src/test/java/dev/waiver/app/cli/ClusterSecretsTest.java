package dev.waiver.app.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waiver.app.cluster.TestCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The kubeconfig's token appears in no output of any cluster command, and in no file Waiver writes
/// (audit exports of a cluster's register included), whether the servers answer, refuse or are gone.
class ClusterSecretsTest {

    @TempDir
    Path dir;

    @Test
    void theTokenIsNeverPrintedNorStored() throws IOException {
        assumeFalse(TestCluster.real());
        Path home = dir.resolve("home");
        var outputs = new ArrayList<String>();
        try (var prod = TestCluster.start(); var staging = TestCluster.start()) {
            prod.createException("debug-agent", "disallow-privileged", "privileged-containers");
            var servers = new LinkedHashMap<String, String>();
            servers.put("prod", prod.url());
            servers.put("staging", staging.url());
            servers.put("dead", "http://127.0.0.1:1");
            Path kubeconfig = TestCluster.kubeconfig(dir, servers);
            assertTrue(Files.readString(kubeconfig).contains(TestCluster.TOKEN), "the fixture does carry a token");
            var base = List.of("--kubeconfig", kubeconfig.toString(), "--home", home.toString());
            var commands = new ArrayList<List<String>>(List.of(
                    List.of("contexts"), List.of("contexts", "-o", "json"), List.of("contexts", "--no-check"),
                    List.of("exceptions", "list", "--all-contexts"), List.of("exceptions", "list", "--context", "prod", "-o", "json"),
                    List.of("exceptions", "list", "--context", "dead"), List.of("exceptions", "list", "--context", "nope"),
                    List.of("evaluate", "--context", "prod"), List.of("evaluate", "--all-contexts", "-o", "yaml"),
                    List.of("evaluate", "--context", "prod", "-o", "policyreport"), List.of("contexts", "--help")));
            Path exports = Files.createDirectories(home.resolve("exports"));
            for (String format : List.of("csv", "json", "html")) {
                commands.add(List.of("audit", "export", "--context", "prod", "--format", format, "--out",
                        exports.resolve("audit." + format).toString()));
            }
            for (var command : commands) {
                outputs.add(run(base, command));
            }
            assertTrue(Files.readString(exports.resolve("audit-register.csv")).contains("debug-agent"),
                    "the export's register holds the cluster's exceptions, so the check means something");
            staging.kill();
            outputs.add(run(base, List.of("exceptions", "list", "--all-contexts", "-o", "json")));
            outputs.add(run(base, List.of("contexts")));
        }
        outputs.add(CliRun.of("--kubeconfig", dir.resolve("kubeconfig").toString(), "exceptions", "list", "--context", "prod").toString());
        for (String output : outputs) {
            assertFalse(output.contains(TestCluster.TOKEN), output);
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(TestCluster.TOKEN), file + " holds the token");
            }
        }
        assertTrue(Files.exists(home.resolve("snapshots.db")), "the home folder was written, so the check means something");
    }

    private static String run(List<String> base, List<String> command) {
        var args = new ArrayList<>(base);
        args.addAll(command);
        return String.join(" ", command) + "\n" + CliRun.of(args.toArray(String[]::new));
    }
}
