package dev.waiver.app.cluster;

/// How far the read of one context has come, reported after each page.
///
/// @param resource the resource being listed, e.g. `policyexceptions.kyverno.io`
/// @param loaded   objects read from this context so far, all resources together
public record ReadProgress(String context, String resource, int loaded) {
}
