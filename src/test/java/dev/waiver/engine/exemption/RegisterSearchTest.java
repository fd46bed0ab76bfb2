package dev.waiver.engine.exemption;

import static dev.waiver.engine.exemption.ExemptionFixtures.exception;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// Incremental search must give exactly what a full filter gives, whatever order the user types in.
class RegisterSearchTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static Register register() {
        var list = new ArrayList<Exemption>();
        String[] namespaces = {"payments", "checkout", "pay-ops"};
        for (int i = 0; i < 20_000; i++) {
            var f = exception().named(namespaces[i % 3], "exception-" + i)
                    .annotation("waiver.dev/requestor", "dev" + (i % 37) + "@example.com");
            if (i % 5 != 0) {
                f.from(Source.context(i % 5 < 3 ? "prod" : "staging"));
            }
            if (i % 4 == 0) {
                f.endsAt("2026-11-01T00:00:00Z");
            }
            list.add(f.build());
        }
        return Register.assess(list, PolicyCatalog.empty(), NOW);
    }

    @Test
    void typingDeletingAndChangingFiltersMatchesAFullFilterEveryTime() {
        Register register = register();
        var search = new RegisterSearch(register.entries());
        List<RegisterFilter> steps = new ArrayList<>();
        for (String text : List.of("p", "pa", "pay", "paym", "payments", "payments dev3", "payments dev37", "payments dev3",
                "pay", "", "checkout 12", "checkout 1")) {
            steps.add(RegisterFilter.all().withText(text));
        }
        steps.add(new RegisterFilter(Set.of(ExemptionStatus.EXPIRED), Set.of(), Set.of("pay-ops"), "dev1"));
        steps.add(new RegisterFilter(Set.of(ExemptionStatus.EXPIRED), Set.of(), Set.of("pay-ops"), "dev11"));
        steps.add(new RegisterFilter(Set.of(ExemptionStatus.ACTIVE), Set.of(), Set.of("pay-ops"), "dev11"));
        steps.add(new RegisterFilter(Set.of(), Set.of(), Set.of(), "dev11"));
        // Typing on while the context changes must not narrow to the other context's rows.
        steps.add(new RegisterFilter(Set.of(), Set.of(), Set.of(), Set.of("prod"), "dev1"));
        steps.add(new RegisterFilter(Set.of(), Set.of(), Set.of(), Set.of("staging"), "dev11"));
        steps.add(new RegisterFilter(Set.of(), Set.of(), Set.of(), Set.of("prod", "staging"), "dev11"));
        steps.add(new RegisterFilter(Set.of(ExemptionStatus.EXPIRED), Set.of(), Set.of("checkout"), Set.of("staging"), "dev"));
        for (RegisterFilter step : steps) {
            var verdicts = search.verdicts(step);
            var rows = new ArrayList<RegisterEntry>();
            for (int i = 0; i < register.entries().size(); i++) {
                RegisterEntry entry = register.entries().get(i);
                if (verdicts.passes()[i] && (step.statuses().isEmpty() || step.statuses().contains(entry.status()))) {
                    rows.add(entry);
                }
            }
            assertEquals(register.select(step), rows, "rows for " + step);
            var counts = register.countByStatus(step);
            for (ExemptionStatus status : ExemptionStatus.values()) {
                assertEquals(counts.get(status), verdicts.count(status), status + " count for " + step);
            }
        }
    }
}
