package dev.waiver.app.review;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.cluster.Kubeconfigs;
import dev.waiver.engine.audit.AuditChain;
import dev.waiver.engine.audit.ChainVerdict;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.review.StoredRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/// The review workflow as the window reaches it. Opening it reads the audit log in the data folder, so
/// it happens on first use, off the FX thread, rather than before the first frame; a data folder that
/// cannot be used is tried again on the next use, and its reason is what the Reviews screen shows.
///
/// Reading never creates a store: until the first request is written, a data folder without an audit
/// log simply holds no cases.
public final class ReviewAccess implements AutoCloseable {

    /// Opens the workflow: the service and what closes it (the audit log).
    @FunctionalInterface
    public interface Opener {
        ReviewHome open() throws ReviewHome.UnusableHome;
    }

    private final Opener opener;
    private final BooleanSupplier stored;
    private final Supplier<ChainVerdict> withoutStore;
    private ReviewService service;
    private AutoCloseable closer;

    private ReviewAccess(Opener opener, BooleanSupplier stored, Supplier<ChainVerdict> withoutStore, ReviewService service) {
        this.opener = opener;
        this.stored = stored;
        this.withoutStore = withoutStore;
        this.service = service;
    }

    /// The workflow over the data folder `home` (its audit log and review settings); contexts come from the
    /// kubeconfig kubectl would use.
    public static ReviewAccess of(Path home, Clock clock) {
        return of(home, clock, () -> Kubeconfigs.find(Optional.empty()));
    }

    /// As [#of(Path, Clock)], applying to the contexts of the kubeconfig `kubeconfigs` finds (read when a
    /// step first needs a context): the window passes the one its register's contexts come from.
    public static ReviewAccess of(Path home, Clock clock, Supplier<Kubeconfigs> kubeconfigs) {
        return new ReviewAccess(() -> ReviewHome.open(home, clock, kubeconfigs),
                () -> Files.exists(home.resolve(SqliteAuditLog.FILE_NAME)), () -> SqliteAuditLog.verifyAt(home), null);
    }

    /// A service that is already open (tests, and callers that own its log).
    public static ReviewAccess open(ReviewService service) {
        return new ReviewAccess(null, () -> true, ReviewAccess::empty, service);
    }

    /// A workflow that cannot be used, for windows opened without a data folder.
    public static ReviewAccess unavailable(String reason) {
        return new ReviewAccess(() -> {
            throw new ReviewHome.UnusableHome(reason, null);
        }, () -> true, ReviewAccess::empty, null);
    }

    private static ChainVerdict empty() {
        return new ChainVerdict.Intact(0, AuditChain.GENESIS_HASH);
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

    /// The service when the data folder holds a store (opening it on first use), empty when it holds none
    /// yet. For readers: it never creates the audit log. Call it off the FX thread.
    public Optional<ReviewService> stored() throws ReviewHome.UnusableHome {
        synchronized (this) {
            if (service != null) {
                return Optional.of(service);
            }
        }
        return stored.getAsBoolean() ? Optional.of(service()) : Optional.empty();
    }

    /// Recomputes the audit log's chain and checks it against the head kept beside it, creating nothing: a
    /// data folder without a log holds 0 entries and is intact, unless its head file records entries (the
    /// log was removed). Call it off the FX thread.
    public ChainVerdict verify() throws ReviewHome.UnusableHome {
        Optional<ReviewService> open = stored();
        return open.isPresent() ? open.get().log().verify() : withoutStore.get();
    }

    /// The service if it is open already; never opens it, so the FX thread may ask.
    public synchronized Optional<ReviewService> current() {
        return Optional.ofNullable(service);
    }


    /// The store's requests and decisions the register shows beside the workspace's own exceptions
    /// ([StoredRequests#besides]); none while the workflow cannot be opened. Call it off the FX thread.
    ///
    /// A store that cannot be read must not cost the user the register: its own exceptions still load,
    /// and the Reviews screen, which reads the same store, says what is wrong.
    public List<Exemption> besides(List<Exemption> workspace, Instant now) {
        try {
            return stored().map(s -> StoredRequests.besides(workspace, s.cases(), now)).orElse(List.of());
        } catch (ReviewHome.UnusableHome unusable) {
            return List.of();
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
