package dev.waiver.engine.exemption;

import java.util.Optional;

/// Where an exception was read from: a kubeconfig context, a folder of YAML, the demo, or a local request.
public record Source(Kind kind, String name) {

    public enum Kind { CONTEXT, FOLDER, DEMO, REQUEST }

    public static Source folder(String path) {
        return new Source(Kind.FOLDER, path);
    }

    public static Source demo() {
        return new Source(Kind.DEMO, "demo");
    }

    public static Source context(String name) {
        return new Source(Kind.CONTEXT, name);
    }

    /// The kubeconfig context this was read from, or applied to; empty for a folder, the demo or a request
    /// not yet applied.
    public Optional<String> context() {
        return kind == Kind.CONTEXT ? Optional.of(name) : Optional.empty();
    }

    public String label() {
        return switch (kind) {
            case CONTEXT -> "context " + name;
            case FOLDER -> "folder " + name;
            case DEMO -> "demo workspace";
            case REQUEST -> "local request";
        };
    }
}
