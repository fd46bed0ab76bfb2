package dev.waiver.app.cluster;

import dev.waiver.app.cluster.Refused.Kind;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/// Turns a failed request into a [Refused] whose reason a reviewer can act on.
///
/// Every sentence is composed here from the status code and the object's coordinates; the only text
/// taken from outside is the server's own validation message (which names the invalid field), and that
/// passes through [Redaction]. The exception's own message is never used: it carries URLs and, from
/// some proxies, request headers.
final class Refusals {

    private final Redaction redaction;
    private final Supplier<String> user;
    private final int requestTimeoutMillis;

    /// @param user who the cluster thinks we are, for 403 messages; asked only when needed
    Refusals(Redaction redaction, Supplier<String> user, int requestTimeoutMillis) {
        this.redaction = redaction;
        this.user = user;
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    /// A failed write.
    Refused from(KubernetesClientException failure, WriteVerb verb, ObjectRef ref) {
        return map(failure, verb, verb.rbacVerb(), ref);
    }

    /// A failed read that a write needed (the check before a delete, the re-read after a conflict):
    /// nothing was written, but a 403 names the `get` permission that is missing.
    Refused fromRead(KubernetesClientException failure, WriteVerb during, ObjectRef ref) {
        return map(failure, during, "get", ref);
    }

    private Refused map(KubernetesClientException failure, WriteVerb verb, String rbacVerb, ObjectRef ref) {
        int code = failure.getCode();
        return switch (code) {
            case 401 -> credentials(code);
            case 403 -> new Refused(Kind.FORBIDDEN, "Not allowed to " + rbacVerb + " " + ref.kind().resourceName()
                    + " in namespace " + ref.namespace() + " as " + user.get() + "; nothing was written.", code);
            case 404 -> new Refused(Kind.NOT_FOUND, notFound(verb, ref, failure), code);
            case 400, 422 -> new Refused(Kind.INVALID,
                    "The cluster rejected " + ref.label() + ": " + serverMessage(failure) + ".", code);
            default -> code > 0 ? serverFailure(failure, verb, ref.label()) : noAnswer(failure, verb, ref.label());
        };
    }

    private static Refused credentials(int code) {
        return new Refused(Kind.CREDENTIALS, "The credentials for this cluster expired or were rejected; log in "
                + "again (e.g. run your exec plugin or `kubectl` login) and retry. Nothing was written.", code);
    }

    private String notFound(WriteVerb verb, ObjectRef ref, KubernetesClientException failure) {
        return switch (verb) {
            case UPDATE -> ref.label() + " was deleted meanwhile; nothing was written.";
            case DELETE -> ref.label() + " was already deleted.";
            case CREATE -> "Cannot create " + ref.label() + ": the cluster has no namespace " + ref.namespace()
                    + " or does not serve " + ref.kind().apiVersion() + " " + ref.kind().kind() + " ("
                    + serverMessage(failure) + ").";
        };
    }

    private Refused serverFailure(KubernetesClientException failure, WriteVerb verb, String object) {
        int code = failure.getCode();
        return new Refused(Kind.SERVER, "The API server could not " + verb.rbacVerb() + " " + object + " (HTTP "
                + code + ": " + serverMessage(failure) + "); re-read it before retrying.", code);
    }

    private Refused noAnswer(KubernetesClientException failure, WriteVerb verb, String object) {
        if (isInterrupted(failure)) {
            return new Refused(Kind.TIMEOUT, "The " + verb.rbacVerb() + " of " + object + " was interrupted while "
                    + "waiting for the API server; it may or may not have been applied. Re-read it before retrying.",
                    Refused.NO_ANSWER);
        }
        if (isTimeout(failure)) {
            return new Refused(Kind.TIMEOUT, "The API server did not answer within " + seconds()
                    + "; the " + verb.rbacVerb() + " of " + object + " may or may not have been applied. "
                    + "Re-read it before retrying.", Refused.NO_ANSWER);
        }
        return new Refused(Kind.UNREACHABLE, "Cannot reach the API server (" + connectionProblem(failure)
                + "); nothing was written.", Refused.NO_ANSWER);
    }

    /// The server's explanation: its Status message, plus the causes when the message omits them.
    String serverMessage(KubernetesClientException failure) {
        Status status = failure.getStatus();
        String message = status == null || status.getMessage() == null ? "" : status.getMessage().strip();
        if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
            for (StatusCause cause : status.getDetails().getCauses()) {
                String text = cause.getMessage() == null ? "" : cause.getMessage().strip();
                if (cause.getField() != null && !cause.getField().isBlank()) {
                    text = cause.getField() + ": " + text;
                }
                if (!text.isBlank() && !message.contains(cause.getMessage() == null ? text : cause.getMessage())) {
                    message = message.isEmpty() ? text : message + "; " + text;
                }
            }
        }
        return message.isEmpty() ? "no explanation given" : redaction.clean(message);
    }

    private String seconds() {
        long tenths = Math.max(1, Math.round(requestTimeoutMillis / 100.0));
        return tenths % 10 == 0 ? tenths / 10 + " s" : String.format(Locale.ROOT, "%.1f s", tenths / 10.0);
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInterrupted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static String connectionProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            switch (t) {
                case ConnectException ignored -> { return "connection refused"; }
                case UnknownHostException ignored -> { return "unknown host"; }
                case NoRouteToHostException ignored -> { return "no route to host"; }
                case SSLException ignored -> { return "TLS handshake failed"; }
                default -> { }
            }
        }
        return "connection failed";
    }
}
