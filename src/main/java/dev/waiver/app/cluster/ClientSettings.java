package dev.waiver.app.cluster;

import java.time.Duration;

/// How long Waiver waits for an API server. A desktop app must say "unreachable" in seconds rather than
/// hang on a VPN that is down, so these are shorter than fabric8's defaults, and a failed request is
/// retried once, not ten times with growing pauses (which took over 40 s against a dead server).
///
/// @param connectTimeout to open a connection
/// @param requestTimeout for the response of one request (one page of a list)
/// @param retries        extra attempts after a connection failure or a 5xx
public record ClientSettings(Duration connectTimeout, Duration requestTimeout, int retries) {

    public static ClientSettings defaults() {
        return new ClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 1);
    }

    /// For a quick "is it there?" check, such as `waiver contexts`.
    public static ClientSettings probe() {
        return new ClientSettings(Duration.ofSeconds(3), Duration.ofSeconds(5), 0);
    }
}
