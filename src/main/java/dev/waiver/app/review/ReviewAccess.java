package dev.waiver.app.review;

import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.review.StoredRequests;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/// The review workflow as the window reaches it. Opening it reads the audit log in the data folder, so
/// it happens on first use, off the FX thread, rather than before the first frame; a data folder that
/// cannot be used is tried again on the next use, and its reason is what the Reviews screen shows.
public final class ReviewAccess implements AutoCloseable {

    /// Opens the workflow: the service and what closes it (the audit log).
    @FunctionalInterface
    public interface Opener {
        ReviewHome open() throws ReviewHome.UnusableHome;
    }

    private final Opener opener;
    private ReviewService service;
    private AutoCloseable closer;

    private ReviewAccess(Opener opener, ReviewService service) {
        this.opener = opener;
        this.service = service;
    }

    /// The workflow over the data folder `home` (its audit log and review settings).
    public static ReviewAccess of(Path home, Clock clock) {
        return new ReviewAccess(() -> ReviewHome.open(home, clock), null);
    }

    /// A service that is already open (tests, and callers that own its log).
    public static ReviewAccess open(ReviewService service) {
        return new ReviewAccess(null, service);
    }

    /// A workflow that cannot be used, for windows opened without a data folder.
    public static ReviewAccess unavailable(String reason) {
        return new ReviewAccess(() -> {
            throw new ReviewHome.UnusableHome(reason, null);
        }, null);
    }

    /// The service, opening it on first use. Call it off the FX thread.
    public synchronized ReviewService service() throws ReviewHome.UnusableHome {
        if (service == null) {
            ReviewHome home = opener.open();
            service = home.service();
            closer = home;
        }
        return service;
    }

    /// The service if it is open already; never opens it, so the FX thread may ask.
    public synchronized Optional<ReviewService> current() {
        return Optional.ofNullable(service);
    }

    /// The service if it can be opened, else empty (for readers that can do without it).
    public Optional<ReviewService> ifAvailable() {
        try {
            return Optional.of(service());
        } catch (ReviewHome.UnusableHome e) {
            return Optional.empty();
        }
    }

    /// The store's requests and decisions the register shows beside the workspace's own exceptions
    /// ([StoredRequests#besides]); none while the workflow cannot be opened. Call it off the FX thread.
    ///
    /// A store that cannot be read must not cost the user the register: its own exceptions still load,
    /// and the Reviews screen, which reads the same store, says what is wrong.
    public List<Exemption> besides(List<Exemption> workspace, Instant now) {
        try {
            return ifAvailable().map(s -> StoredRequests.besides(workspace, s.cases(), now)).orElse(List.of());
        } catch (RuntimeException unreadable) {
            System.getLogger(ReviewAccess.class.getName()).log(System.Logger.Level.WARNING,
                    "stored requests left out of the register", unreadable);
            return List.of();
        }
    }

    @Override
    public synchronized void close() {
        if (closer != null) {
            try {
                closer.close();
            } catch (Exception ignored) {
                // the log is closed on exit either way; nothing is lost by a failed close
            }
            closer = null;
            service = null;
        }
    }
}
