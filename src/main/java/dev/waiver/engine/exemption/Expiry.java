package dev.waiver.engine.exemption;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/// Every statement an exception makes about when it ends: its conditions (what Kyverno enforces),
/// the `waiver.dev/expires` annotation (what people were told), and a `cleanup.kyverno.io/ttl` label
/// (when Kyverno's cleanup controller deletes the object).
public record Expiry(TimeConditions.Terms conditions, Optional<Instant> annotated, Optional<Instant> cleanupAt) {

    public static Expiry none() {
        return new Expiry(TimeConditions.Terms.NONE, Optional.empty(), Optional.empty());
    }

    /// The end a reviewer should see: the enforced condition, else the date a broken condition meant,
    /// else the cleanup time, else the annotation.
    public Optional<Instant> shownEnd() {
        return Stream.of(conditions.end(), conditions.intendedEnd(), cleanupAt, annotated)
                .flatMap(Optional::stream).findFirst();
    }

    /// True when something in the cluster ends the exception without Waiver: a working time condition
    /// or the cleanup controller.
    public boolean endEnforced() {
        return conditions.end().isPresent() || cleanupAt.isPresent();
    }

    /// The enforced end if any: the condition, else the cleanup time.
    public Optional<Instant> enforcedEnd() {
        return conditions.end().or(() -> cleanupAt);
    }
}
