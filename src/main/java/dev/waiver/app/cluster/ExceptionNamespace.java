package dev.waiver.app.cluster;

import java.util.Optional;

/// The namespace a cluster keeps PolicyExceptions in. Kyverno can be told to honour exceptions only there
/// (`--exceptionNamespace`), so a request created elsewhere would never apply.
public record ExceptionNamespace(Optional<String> namespace, Origin origin) {

    public enum Origin {
        /// Kyverno's admission controller runs with `--exceptionNamespace`.
        KYVERNO_FLAG,
        /// The user chose it (a setting per context).
        USER_SETTING,
        /// A guess: the namespace holding most PolicyExceptions.
        MOST_EXCEPTIONS,
        /// Nothing to go on.
        UNSET
    }

    public static ExceptionNamespace unset() {
        return new ExceptionNamespace(Optional.empty(), Origin.UNSET);
    }

    public static ExceptionNamespace of(String namespace, Origin origin) {
        return new ExceptionNamespace(Optional.of(namespace), origin);
    }

    /// True when Kyverno itself says exceptions outside this namespace are ignored.
    public boolean enforced() {
        return origin == Origin.KYVERNO_FLAG;
    }
}
