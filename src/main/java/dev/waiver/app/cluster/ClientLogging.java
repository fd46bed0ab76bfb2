package dev.waiver.app.cluster;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/// fabric8 logs what a library user wants (unstable API versions, watch retries) as warnings on stderr;
/// Waiver reports those things itself, once and in its own words, so the client's own logging is kept to
/// errors. The JDK's HTTP client, which fabric8 sends through, logs request and response headers
/// (`Authorization` among them) when `-Djdk.httpclient.HttpClient.log` asks it to: that logger is kept to
/// errors too, so no switch prints a bearer token. The loggers are held here because `java.util.logging`
/// forgets settings of loggers no one holds.
public final class ClientLogging {

    private static final List<Logger> CLIENT = List.of(Logger.getLogger("io.fabric8"),
            Logger.getLogger("jdk.httpclient.HttpClient"));

    private ClientLogging() {
    }

    public static void quiet() {
        CLIENT.forEach(logger -> logger.setLevel(Level.SEVERE));
    }
}
