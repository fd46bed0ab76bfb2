package dev.waiver.app.cluster;

import java.util.logging.Level;
import java.util.logging.Logger;

/// fabric8 logs what a library user wants (unstable API versions, watch retries) as warnings on stderr;
/// Waiver reports those things itself, once and in its own words, so the client's own logging is kept to
/// errors. The logger is held here because `java.util.logging` forgets settings of loggers no one holds.
public final class ClientLogging {

    private static final Logger FABRIC8 = Logger.getLogger("io.fabric8");

    private ClientLogging() {
    }

    public static void quiet() {
        FABRIC8.setLevel(Level.SEVERE);
    }
}
