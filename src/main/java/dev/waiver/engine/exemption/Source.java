package dev.waiver.engine.exemption;

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

    public String label() {
        return switch (kind) {
            case CONTEXT -> "context " + name;
            case FOLDER -> "folder " + name;
            case DEMO -> "demo workspace";
            case REQUEST -> "local request";
        };
    }
}
