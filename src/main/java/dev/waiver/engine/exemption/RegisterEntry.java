package dev.waiver.engine.exemption;

import dev.waiver.engine.evaluation.Wildcard;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/// One row of the register: an exception with what was derived for it at one instant (status, check
/// types, findings), plus the precomputed text and namespaces the filters look at.
public record RegisterEntry(
        Exemption exemption,
        ExemptionStatus status,
        List<String> checkTypes,
        List<Finding> findings,
        Optional<Instant> shownEnd,
        Set<String> namespaces,
        List<String> namespacePatterns,
        boolean everyNamespace,
        String searchText) {

    static RegisterEntry assess(Exemption e, PolicyCatalog catalog, Instant now) {
        ExemptionStatus status = StatusRules.statusAt(e, now);
        var checkTypes = e.checks().stream().flatMap(c -> catalog.checkTypes(c.policy()).stream()).distinct().toList();
        var namespaces = new LinkedHashSet<String>();
        if (!e.namespace().isEmpty()) {
            namespaces.add(e.namespace());
        }
        var patterns = new java.util.ArrayList<String>();
        for (ResourceFilter f : e.scope().filters()) {
            for (String ns : f.namespaces()) {
                (Wildcard.hasWildcard(ns) ? patterns : namespaces).add(ns);
            }
        }
        boolean every = e.scope().reachesEveryNamespace();
        return new RegisterEntry(e, status, checkTypes, Lint.findings(e, status, catalog, now),
                e.expiry().shownEnd(), Set.copyOf(namespaces), List.copyOf(patterns), every, searchText(e));
    }

    /// Lower-cased text of every field the search box looks at.
    private static String searchText(Exemption e) {
        var text = new StringBuilder(e.name()).append('\n').append(e.namespace());
        for (ExemptedCheck c : e.checks()) {
            text.append('\n').append(c.policy());
            c.rules().forEach(r -> text.append('\n').append(r));
        }
        for (ResourceFilter f : e.scope().filters()) {
            f.names().forEach(n -> text.append('\n').append(n));
            f.kinds().forEach(k -> text.append('\n').append(k));
            f.namespaces().forEach(n -> text.append('\n').append(n));
        }
        var j = e.justification();
        for (var part : List.of(j.requestor(), j.ticket(), j.reason())) {
            part.ifPresent(p -> text.append('\n').append(p));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /// Whether this exception was read from (or applied to) one of these kubeconfig contexts.
    public boolean inAnyContext(Set<String> contexts) {
        Source source = exemption.source();
        return source.kind() == Source.Kind.CONTEXT && contexts.contains(source.name());
    }

    public String checkTypeText() {
        return String.join(", ", checkTypes);
    }

    /// Whether this exception lives in, or reaches resources in, the namespace.
    public boolean concernsNamespace(String namespace) {
        if (everyNamespace || namespaces.contains(namespace)) {
            return true;
        }
        for (String pattern : namespacePatterns) {
            if (Wildcard.match(pattern, namespace)) {
                return true;
            }
        }
        return false;
    }
}
