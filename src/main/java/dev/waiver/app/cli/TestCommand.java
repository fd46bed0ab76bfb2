package dev.waiver.app.cli;

import dev.waiver.app.evaluation.FileDocumentSource;
import dev.waiver.app.evaluation.KyvernoTestFiles;
import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.engine.evaluation.KyvernoTestRunner;
import dev.waiver.engine.evaluation.KyvernoTestRunner.Check;
import dev.waiver.engine.evaluation.KyvernoTestSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `waiver test PATH…`: runs `kyverno-test.yaml` files (current and old form) and prints a line per
/// expected result and named resource, then `N passed, N failed`.
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run kyverno-test.yaml files: a folder is searched at any depth, a file is run as it is.")
public final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders to search for kyverno-test.yaml / .yml, or test files.")
    List<Path> paths;

    private int passed;
    private int failed;
    private boolean badInput;

    @Override
    public Integer call() {
        Clock clock = GlobalOptions.of(spec).clock();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path path : paths) {
            List<Path> files = find(path, err);
            for (Path file : files) {
                runFile(KyvernoTestFiles.caseName(path, file), file, clock, out, err);
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return badInput ? ExitCodes.BAD_INPUT : failed > 0 ? ExitCodes.FAILED_CHECK : ExitCodes.OK;
    }

    private List<Path> find(Path path, PrintWriter err) {
        if (!Files.exists(path)) {
            return bad(err, path + ": no such file or folder");
        }
        try {
            List<Path> files = KyvernoTestFiles.under(path);
            return files.isEmpty() ? bad(err, path + ": no kyverno-test.yaml or kyverno-test.yml below this folder") : files;
        } catch (IOException e) {
            return bad(err, path + ": cannot search: " + e.getMessage());
        }
    }

    private List<Path> bad(PrintWriter err, String line) {
        err.println(line);
        badInput = true;
        return List.of();
    }

    /// A case whose own files cannot be read is reported as bad input and its results are not
    /// printed: with a policy or resource missing they would be wrong, not failed.
    private void runFile(String caseName, Path file, Clock clock, PrintWriter out, PrintWriter err) {
        var read = YamlDocuments.readFile(file);
        if (!read.problems().isEmpty() || read.documents().isEmpty()) {
            read.problems().forEach(p -> err.println(p));
            if (read.problems().isEmpty()) {
                bad(err, file + ": no test in this file");
            }
            badInput = true;
            return;
        }
        for (var doc : read.documents()) {
            var source = new FileDocumentSource(file.toAbsolutePath().getParent());
            List<Check> checks = KyvernoTestRunner.run(KyvernoTestSpec.of(doc.tree()), source, clock);
            if (!source.problems().isEmpty()) {
                for (LoadProblem p : source.problems()) {
                    err.println(p + " (named by " + file + ")");
                }
                badInput = true;
                continue;
            }
            checks.forEach(c -> out.println(line(caseName, c)));
        }
    }

    private String line(String caseName, Check c) {
        var e = c.expectation();
        String resource = !c.resource().contains("/") && !e.namespace().isEmpty() ? e.namespace() + "/" + c.resource() : c.resource();
        String shown = (e.kind().isEmpty() ? "" : e.kind() + "/") + resource;
        if (c.met()) {
            passed++;
        } else {
            failed++;
        }
        return (c.met() ? "PASS" : "FAIL") + "  " + caseName + "  " + e.policy() + "/" + e.rule() + "  " + shown + "  "
                + e.rawResult() + (c.met() ? "" : "  " + c.reason());
    }
}
