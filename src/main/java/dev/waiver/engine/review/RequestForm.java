package dev.waiver.engine.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/// What a requestor asks for: the checks to exempt, what they should match, why, and until when.
///
/// `exceptionNamespace` is where the PolicyException object lives (Kyverno's `--exceptionNamespace`);
/// when empty, the first namespace it matches, or `kyverno` when that is a pattern.
///
/// `resourceContext` is the kubeconfig context the failing resource was read from (a request made from a
/// Compliance failure on a register of contexts); empty for a folder, the demo or a form filled by hand.
public record RequestForm(
        String policy,
        List<String> rules,
        List<String> namespaces,
        List<String> kinds,
        List<String> names,
        String reason,
        Optional<String> ticket,
        Optional<Instant> starts,
        Instant expires,
        String requestor,
        Optional<String> exceptionNamespace,
        Optional<String> resourceContext) {

    /// A request that says nothing of where its resource was read.
    public RequestForm(String policy, List<String> rules, List<String> namespaces, List<String> kinds,
                       List<String> names, String reason, Optional<String> ticket, Optional<Instant> starts,
                       Instant expires, String requestor, Optional<String> exceptionNamespace) {
        this(policy, rules, namespaces, kinds, names, reason, ticket, starts, expires, requestor, exceptionNamespace,
                Optional.empty());
    }

    public RequestForm {
        Objects.requireNonNull(expires, "expires");
        policy = Objects.requireNonNullElse(policy, "").strip();
        reason = Objects.requireNonNullElse(reason, "").strip();
        requestor = Objects.requireNonNullElse(requestor, "").strip();
        rules = List.copyOf(rules);
        namespaces = List.copyOf(namespaces);
        kinds = List.copyOf(kinds);
        names = List.copyOf(names);
        ticket = ticket.map(String::strip).filter(t -> !t.isEmpty());
        resourceContext = resourceContext.map(String::strip).filter(c -> !c.isEmpty());
    }

    public String objectNamespace() {
        return exceptionNamespace.filter(ns -> !ns.isBlank())
                .or(() -> namespaces.stream().findFirst().filter(ns -> !ns.contains("*") && !ns.contains("?")))
                .orElse("kyverno");
    }
}
