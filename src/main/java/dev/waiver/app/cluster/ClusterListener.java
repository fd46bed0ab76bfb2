package dev.waiver.app.cluster;

/// Hears a context's live changes and connection state. Called on fabric8's or the watch's scheduler
/// threads, one event at a time and in order: a window hands events to its UI thread (through its
/// background runner) and must not block here.
@FunctionalInterface
public interface ClusterListener {

    void onEvent(ClusterEvent event);
}
