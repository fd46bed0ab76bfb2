package dev.waiver.engine.evaluation;

import java.nio.file.Path;
import java.util.List;

/// Prints the conformance pass rate and every unmet expectation (run by hand:
/// `-Dtest=ConformanceReport`; it never fails).
class ConformanceReport {

    @org.junit.jupiter.api.Test
    void report() throws Exception {
        int cases = 0;
        int passedCases = 0;
        int checks = 0;
        int met = 0;
        var sb = new StringBuilder();
        for (Path dir : ConformanceCases.cases()) {
            cases++;
            List<KyvernoTestRunner.Check> result;
            try {
                result = ConformanceCases.run(dir);
            } catch (RuntimeException e) {
                sb.append(dir.getFileName()).append(": CRASH ").append(e).append('\n');
                continue;
            }
            checks += result.size();
            long ok = result.stream().filter(KyvernoTestRunner.Check::met).count();
            met += (int) ok;
            if (ok == result.size()) {
                passedCases++;
            } else {
                for (var c : result) {
                    if (!c.met()) {
                        sb.append(dir.getFileName()).append(": ").append(c.expectation().rule()).append(' ')
                                .append(c.resource()).append(": ").append(c.reason()).append('\n');
                    }
                }
            }
        }
        System.out.println(sb);
        System.out.printf("CONFORMANCE cases %d/%d, expected results %d/%d%n", passedCases, cases, met, checks);
    }
}
