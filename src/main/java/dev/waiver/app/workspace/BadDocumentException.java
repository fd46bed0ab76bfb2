package dev.waiver.app.workspace;

/// A document that parses but breaks a rule of ours (a limit, an unknown alias, a duplicate key).
/// It carries the absolute line for the problem report; the stack trace would say nothing to a user.
final class BadDocumentException extends RuntimeException {

    private final int line;

    BadDocumentException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
