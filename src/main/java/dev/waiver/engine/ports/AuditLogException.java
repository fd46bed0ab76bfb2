package dev.waiver.engine.ports;

/// The audit log cannot do what was asked (its file is not a log, is newer than this Waiver, cannot be
/// written, or refuses an append because its recorded head says entries are missing). The message is one
/// sentence for the user and never contains a record's content.
public final class AuditLogException extends RuntimeException {

    public AuditLogException(String message) {
        super(message);
    }

    public AuditLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
