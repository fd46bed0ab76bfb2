package dev.waiver.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/// Every case of the shared Kyverno conformance corpus, one dynamic test each: every expected
/// result must be met. Cases listed in `conformance-known-failures.txt` are skipped with their
/// reason, and fail as soon as they pass, so that the list only shrinks.
class ConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        Map<String, String> known = knownFailures();
        List<Path> cases = ConformanceCases.cases();
        for (String name : known.keySet()) {
            assertTrue(cases.stream().anyMatch(c -> c.getFileName().toString().equals(name)),
                    "known-failures lists a case that does not exist: " + name);
        }
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String name = dir.getFileName().toString();
            List<KyvernoTestRunner.Check> checks = ConformanceCases.run(dir);
            List<KyvernoTestRunner.Check> failed = checks.stream().filter(c -> !c.met()).toList();
            if (known.containsKey(name)) {
                if (failed.isEmpty()) {
                    fail(name + " passes now: remove it from conformance-known-failures.txt");
                }
                Assumptions.abort("known failure: " + known.get(name));
            }
            if (!failed.isEmpty()) {
                fail(failed.size() + " of " + checks.size() + " expected results not met:\n" + failed.stream()
                        .map(c -> "  " + c.expectation().policy() + "/" + c.expectation().rule() + " " + c.resource()
                                + ": " + c.reason())
                        .collect(Collectors.joining("\n")));
            }
        }));
    }

    /// `case-name: reason` lines; `#` starts a comment.
    static Map<String, String> knownFailures() throws IOException {
        var out = new LinkedHashMap<String, String>();
        try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance-known-failures.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int colon = l.indexOf(':');
                out.put(colon < 0 ? l : l.substring(0, colon).strip(), colon < 0 ? "" : l.substring(colon + 1).strip());
            }
        }
        return out;
    }
}
