package dev.waiver.app.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/// Turns what fabric8 and the JDK throw into one line a user can act on, and tells failures that mean
/// "the server is not there" (use the snapshot, back off and retry) from answers that mean "you may not"
/// (retrying will not help).
///
/// fabric8 messages name URLs and the server's `Status`, never credentials; only those are quoted.
public final class ClusterErrors {

    private ClusterErrors() {
    }

    /// What went wrong, in kubectl's words where it has them: `cannot list policyexceptions.kyverno.io in
    /// namespace team-a: forbidden (User "bob" cannot …)`.
    ///
    /// @param action what was tried, naming the resource and where, e.g.
    ///               `list policyexceptions.kyverno.io in all namespaces`
    public static String describe(Throwable error, String action) {
        return "cannot " + action + ": " + reason(error);
    }

    /// Why, without what was tried: `forbidden (…)`, `connection refused: the server is not reachable`.
    public static String reason(Throwable error) {
        var status = code(error);
        if (status.isEmpty()) {
            return transport(error);
        }
        String server = serverMessage(error).map(m -> " (" + m + ")").orElse("");
        return switch (status.get()) {
            case 401 -> "unauthorized, the server rejected the credentials (log in again or refresh the token)";
            case 403 -> "forbidden" + server;
            case 404 -> "not found on the server" + server;
            case 410 -> "the list expired on the server (resourceVersion too old)";
            default -> "the server answered " + status.get() + server;
        };
    }

    /// True when the server did not answer at all (no connection, timeout, TLS): the snapshot stands in.
    public static boolean isUnreachable(Throwable error) {
        return code(error).isEmpty();
    }

    /// True when only new credentials or permissions would help.
    public static boolean isDenied(Throwable error) {
        return code(error).filter(c -> c == 401 || c == 403).isPresent();
    }

    /// True when the server refused the credentials themselves: nothing else can be read either.
    public static boolean isUnauthorized(Throwable error) {
        return code(error).filter(c -> c == 401).isPresent();
    }

    public static boolean isGone(Throwable error) {
        return code(error).filter(c -> c == 410).isPresent();
    }

    /// The HTTP status the server answered with, when it answered.
    public static Optional<Integer> code(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getCode() > 0) {
                return Optional.of(k.getCode());
            }
            if (t instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getCode() != null
                    && k.getStatus().getCode() > 0) {
                return Optional.of(k.getStatus().getCode());
            }
        }
        return Optional.empty();
    }

    /// The innermost message, for errors that are neither HTTP nor transport (a failing exec plugin).
    public static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : firstLine(message);
    }

    private static Optional<String> serverMessage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null
                    && !k.getStatus().getMessage().isBlank()) {
                return Optional.of(firstLine(k.getStatus().getMessage()));
            }
        }
        return Optional.empty();
    }

    private static String transport(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection to the server (connect timed out)";
            }
            if (t instanceof HttpTimeoutException || t instanceof InterruptedIOException
                    || (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("timed out"))) {
                return "the server did not answer in time (timed out)";
            }
            if (t instanceof ConnectException) {
                return "connection refused: the server is not reachable";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host: the server's name does not resolve";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to the server";
            }
            if (t instanceof EOFException || (t.getMessage() != null && (t.getMessage().contains("EOF reached")
                    || t.getMessage().contains("Connection reset") || t.getMessage().contains("connection closed")))) {
                return "the connection was cut before the server answered";
            }
            if (t instanceof SSLException) {
                return "TLS failed (" + rootMessage(t) + ")";
            }
        }
        return rootMessage(error);
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }
}
