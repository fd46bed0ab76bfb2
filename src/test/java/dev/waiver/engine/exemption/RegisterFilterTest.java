package dev.waiver.engine.exemption;

import static dev.waiver.engine.exemption.ExemptionFixtures.exception;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegisterFilterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final PolicyCatalog CATALOG = new PolicyCatalog(List.of(
            new PolicySummary("disallow-latest-tag", "ClusterPolicy", java.util.Optional.empty(),
                    List.of("Best Practices"), java.util.Optional.empty(), PolicySummary.DEFAULT_CONTROLLERS, List.of()),
            new PolicySummary("disallow-privileged-containers", "ClusterPolicy", java.util.Optional.empty(),
                    List.of("Pod Security Standards (Baseline)"), java.util.Optional.empty(), PolicySummary.DEFAULT_CONTROLLERS, List.of())));

    private final Register register = Register.assess(List.of(
            exception().named("payments", "allow-debug").annotation("waiver.dev/requestor", "ana@example.com").build(),
            exception().named("checkout", "legacy-tag").exempts("disallow-latest-tag", "validate-image-tag")
                    .matching(List.of("Pod"), List.of("checkout"), List.of("cart-*"))
                    .annotation("waiver.dev/ticket", "SEC-42").endsAt("2026-11-01T00:00:00Z").build(),
            exception().named("kyverno", "team-wide").matching(List.of("Pod"), List.of("team-*"), List.of()).build(),
            exception().named("checkout", "pending").annotation("waiver.dev/request-id", "r1").build()),
            CATALOG, NOW);

    private List<String> names(RegisterFilter f) {
        return register.select(f).stream().map(e -> e.exemption().name()).toList();
    }

    @Test
    void emptyFilterShowsEverything() {
        assertEquals(4, names(RegisterFilter.all()).size());
    }

    @Test
    void filtersByStatusCheckTypeNamespaceAndText() {
        assertEquals(List.of("legacy-tag"), names(RegisterFilter.all().withStatuses(Set.of(ExemptionStatus.EXPIRED))));
        assertEquals(List.of("legacy-tag"), names(new RegisterFilter(Set.of(), Set.of("Best Practices"), Set.of(), "")));
        assertEquals(List.of("legacy-tag", "pending"), names(new RegisterFilter(Set.of(), Set.of(), Set.of("checkout"), "")));
        assertEquals(List.of("team-wide"), names(new RegisterFilter(Set.of(), Set.of(), Set.of("team-blue"), "")),
                "a wildcard namespace reaches namespaces it matches");
        assertEquals(List.of("allow-debug"), names(RegisterFilter.all().withText("ANA@")));
        assertEquals(List.of("legacy-tag"), names(RegisterFilter.all().withText("sec-42 cart")), "every word must appear");
        assertEquals(List.of(), names(RegisterFilter.all().withText("sec-42 nowhere")));
    }

    @Test
    void dimensionsCombine() {
        var f = new RegisterFilter(Set.of(ExemptionStatus.ACTIVE), Set.of("Pod Security Standards (Baseline)"),
                Set.of("payments"), "debug");
        assertEquals(List.of("allow-debug"), names(f));
        assertEquals(List.of(), names(f.withStatuses(Set.of(ExemptionStatus.EXPIRED))));
    }

    @Test
    void countersIgnoreTheStatusDimensionOnly() {
        var f = new RegisterFilter(Set.of(ExemptionStatus.ACTIVE), Set.of(), Set.of("checkout"), "");
        var counts = register.countByStatus(f);
        assertEquals(1, counts.get(ExemptionStatus.EXPIRED));
        assertEquals(1, counts.get(ExemptionStatus.IN_REVIEW));
        assertEquals(0, counts.get(ExemptionStatus.ACTIVE));
    }

    @Test
    void filterChoicesComeFromTheRegister() {
        assertEquals(List.of("Best Practices", "Pod Security Standards (Baseline)"), register.checkTypes());
        assertEquals(List.of("checkout", "kyverno", "payments"), register.namespaces());
        assertEquals(List.of(), register.contexts(), "a folder's exceptions come from no context");
    }

    @Test
    void filtersByContextAndCountsUnderIt() {
        var merged = Register.assess(List.of(
                exception().named("payments", "allow-debug").from(Source.context("prod")).build(),
                exception().named("payments", "allow-debug").from(Source.context("staging")).build(),
                exception().named("checkout", "legacy-tag").from(Source.context("staging")).endsAt("2026-11-01T00:00:00Z").build(),
                exception().named("checkout", "pending").from(new Source(Source.Kind.REQUEST, "store"))
                        .annotation("waiver.dev/request-id", "r1").build()),
                CATALOG, NOW);
        assertEquals(List.of("prod", "staging"), merged.contexts(), "a request not yet applied has no context");

        var staging = RegisterFilter.all().withContexts(Set.of("staging"));
        assertEquals(List.of("staging:payments/allow-debug", "staging:checkout/legacy-tag"), ids(merged.select(staging)));
        assertEquals(List.of("prod:payments/allow-debug", "staging:payments/allow-debug", "staging:checkout/legacy-tag"),
                ids(merged.select(staging.withContexts(Set.of("prod", "staging")))));
        assertEquals(List.of("staging:checkout/legacy-tag"),
                ids(merged.select(new RegisterFilter(Set.of(), Set.of(), Set.of("checkout"), Set.of("staging", "prod"), ""))),
                "contexts combine with the other dimensions");

        var counts = merged.countByStatus(staging.withStatuses(Set.of(ExemptionStatus.ACTIVE)));
        assertEquals(1, counts.get(ExemptionStatus.ACTIVE));
        assertEquals(1, counts.get(ExemptionStatus.EXPIRED));
        assertEquals(0, counts.get(ExemptionStatus.IN_REVIEW), "the request is outside every context");
    }

    private static List<String> ids(List<RegisterEntry> entries) {
        return entries.stream().map(e -> e.exemption().id()).toList();
    }
}
