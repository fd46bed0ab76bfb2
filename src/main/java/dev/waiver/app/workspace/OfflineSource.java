package dev.waiver.app.workspace;

import java.time.Instant;

/// A cluster context whose part of a workspace comes from its last snapshot, because the
/// server could not be reached. The window shows it as "offline, as of `asOf`"; nothing read from it is
/// newer than that instant.
///
/// @param context the kubeconfig context
/// @param asOf    the state the snapshot holds: its last full sync, or the last watched change saved since
/// @param reason  why the server was not read (one line, no credentials)
public record OfflineSource(String context, Instant asOf, String reason) {
}
