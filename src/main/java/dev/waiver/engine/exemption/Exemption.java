package dev.waiver.engine.exemption;

import java.time.Instant;
import dev.waiver.engine.tree.FrozenTree;
import java.util.List;
import java.util.Optional;

/// A policy exception, whatever its source. Called `Exemption` to keep `*Exception` for Throwables.
///
/// `document` is the object as read, so it can be shown and written back without losing fields this
/// model does not know; it is kept frozen (a few hundred bytes instead of a few KB of maps) because a
/// register holds one per row.
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
        FrozenTree document) {

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
