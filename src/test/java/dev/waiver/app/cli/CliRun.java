package dev.waiver.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/// Runs the command line in-process and captures what a user would see (test support).
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /// The shared Kyverno conformance corpus: `-Dwaiver.shared`, else `../shared`.
    static Path corpus() {
        String shared = System.getProperty("waiver.shared");
        Path dir = (shared != null ? Path.of(shared) : Path.of("..", "shared")).resolve("conformance").resolve("kyverno");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Kyverno conformance corpus not found at " + dir.toAbsolutePath()
                    + " (set -Dwaiver.shared=/path/to/shared)");
        }
        return dir;
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
}
