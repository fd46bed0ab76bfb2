package dev.waiver.app.workspace;

import java.time.Instant;

/// A cluster context whose part of a workspace comes from the snapshot of its last full sync, because the
/// server could not be reached. The window shows it as "offline, as of `asOf`"; nothing read from it is
/// newer than that instant.
///
/// @param context the kubeconfig context
/// @param asOf    when the snapshot's full sync finished
/// @param reason  why the server was not read (one line, no credentials)
public record OfflineSource(String context, Instant asOf, String reason) {
}
