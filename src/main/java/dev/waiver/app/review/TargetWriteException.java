package dev.waiver.app.review;

/// A target refused or failed a write; the message is one line a user can act on, without credentials.
public final class TargetWriteException extends Exception {

    public TargetWriteException(String message) {
        super(message);
    }

    public TargetWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
