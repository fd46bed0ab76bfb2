package dev.waiver.engine.exemption;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// A policy exception, whatever its source. Called `Exemption` to keep `*Exception` for Throwables.
///
/// `document` is the object as read, so it can be shown and written back without losing fields this
/// model does not know.
public record Exemption(
        String id,
        Source source,
        String apiVersion,
        String namespace,
        String name,
        List<ExemptedCheck> checks,
        ResourceScope scope,
        Justification justification,
        Decision decision,
        Expiry expiry,
        Optional<Instant> created,
        Optional<String> origin,
        Map<String, Object> document) {

    public Exemption {
        checks = List.copyOf(checks);
    }

    public String qualifiedName() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    public List<String> policies() {
        return checks.stream().map(ExemptedCheck::policy).distinct().toList();
    }
}
