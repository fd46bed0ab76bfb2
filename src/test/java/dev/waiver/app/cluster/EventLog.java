package dev.waiver.app.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/// A listener that keeps every event and lets a test wait (up to 15 s) for one.
final class EventLog implements ClusterListener {

    private final List<ClusterEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(ClusterEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<ClusterEvent> all() {
        return List.copyOf(events);
    }

    synchronized ClusterEvent await(Predicate<ClusterEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            for (ClusterEvent e : events) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no such event; got " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
