package dev.waiver.app.review;

/// A target refused or failed a write; the message is one line a user can act on, without credentials.
public final class TargetWriteException extends Exception {

    public TargetWriteException(String message) {
        super(message);
    }

    public TargetWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    /// A file of the target could not be written.
    static TargetWriteException cannotWrite(java.nio.file.Path file, java.io.IOException cause) {
        return new TargetWriteException("cannot write " + file + ": " + cause.getMessage(), cause);
    }
}
