package dev.waiver.app.cluster;

import java.util.Objects;

/// The write did not happen, or, for [Kind#TIMEOUT], it is unknown whether it happened. `reason` is
/// one sentence for the user, never containing a credential; `httpCode` is the server's answer, or
/// [#NO_ANSWER] when there was none (timeout, unreachable, or refused before sending).
public record Refused(Kind kind, String reason, int httpCode) implements WriteOutcome, DeleteOutcome {

    public static final int NO_ANSWER = 0;

    /// What the user can do about it differs per kind: log in again, ask for RBAC, fix the object,
    /// re-read it, or check the connection.
    public enum Kind {
        /// 401: the credentials expired or were rejected, even after one refresh.
        CREDENTIALS,
        /// 403: RBAC does not allow this user the verb on these objects in this namespace.
        FORBIDDEN,
        /// 400/422: the server rejected the object's content; the reason is the server's message.
        INVALID,
        /// 404: the object (or its namespace, or the API version) is not there.
        NOT_FOUND,
        /// No answer in time: the write may or may not have been applied; re-read before retrying.
        TIMEOUT,
        /// No connection to the API server: nothing was sent.
        UNREACHABLE,
        /// 429 or 5xx, or any other unexpected answer.
        SERVER,
        /// The caller's object lacks what the write needs (name, namespace, uid, resourceVersion).
        INCOMPLETE
    }

    public Refused {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
