package dev.waiver.app.cluster;

/// The kubeconfig is missing, unreadable or malformed, or names no such context. The message is one line
/// for the user and never quotes the file's contents (they hold tokens and keys).
public final class KubeconfigException extends RuntimeException {

    public KubeconfigException(String message) {
        super(message);
    }
}
