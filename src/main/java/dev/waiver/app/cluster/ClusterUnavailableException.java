package dev.waiver.app.cluster;

/// A context's API server could not be read at all: not reachable, too slow, or it refused the
/// credentials. The message is one line, `context prod: cannot list …: connection refused …`; callers
/// fall back to the snapshot.
public final class ClusterUnavailableException extends RuntimeException {

    private final String context;
    private final String reason;

    public ClusterUnavailableException(String context, String reason, Throwable cause) {
        super("context " + context + ": " + reason, cause);
        this.context = context;
        this.reason = reason;
    }

    public String context() {
        return context;
    }

    /// The message without the context's name.
    public String reason() {
        return reason;
    }
}
