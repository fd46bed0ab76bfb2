package dev.waiver.app.review;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.cluster.ClientSettings;
import dev.waiver.app.cluster.Kubeconfigs;
import dev.waiver.app.settings.Settings;
import dev.waiver.engine.ports.AuditLog;
import dev.waiver.engine.ports.AuditLogException;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.StoredRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/// The review workflow over one data folder: its audit log, its review settings, and the targets
/// exceptions are applied to (folders, and the contexts of the kubeconfig). Closing it closes the log and
/// any cluster client a step opened.
public final class ReviewHome implements AutoCloseable {

    /// The data folder cannot be used (unreadable, not an audit log, newer schema); one line for the user.
    public static final class UnusableHome extends Exception {
        public UnusableHome(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AutoCloseable closer;
    private final ContextTargets contexts;
    private final ReviewService service;

    private ReviewHome(AuditLog log, AutoCloseable closer, Path settingsFile, Clock clock, ContextTargets contexts) {
        this.closer = closer;
        this.contexts = contexts;
        this.service = new ReviewService(log, new CurrentWorkflow(settingsFile), clock, this::openTarget,
                ReviewHome::newRequestId);
    }

    /// Opens (creating when needed) the data folder's audit log, under its review settings as they are at
    /// each step; contexts
    /// come from the kubeconfig kubectl would use (`KUBECONFIG`, else `~/.kube/config`).
    public static ReviewHome open(Path home, Clock clock) throws UnusableHome {
        return open(home, clock, () -> Kubeconfigs.find(Optional.empty()));
    }

    /// As [#open(Path, Clock)], with the kubeconfig found by `kubeconfigs` when a step first needs a context.
    public static ReviewHome open(Path home, Clock clock, Supplier<Kubeconfigs> kubeconfigs) throws UnusableHome {
        try {
            SqliteAuditLog log = SqliteAuditLog.open(home);
            Path settingsFile = home.resolve(Settings.FILE_NAME);
            return new ReviewHome(log, log, settingsFile, clock,
                    new ContextTargets(kubeconfigs, settingsFile, ClientSettings.defaults()));
        } catch (AuditLogException e) {
            throw new UnusableHome(e.getMessage(), e);
        }
    }

    /// The store's requests and revoked exceptions to list beside a workspace's own; none when the data
    /// folder has no audit log yet (listing never creates one).
    public static List<Exemption> storedBesides(Path home, List<Exemption> workspace, Clock clock) throws UnusableHome {
        if (!Files.exists(home.resolve(SqliteAuditLog.FILE_NAME))) {
            return List.of();
        }
        try (ReviewHome opened = open(home, clock)) {
            return StoredRequests.besides(workspace, opened.service().cases(), clock.instant());
        }
    }

    public ReviewService service() {
        return service;
    }

    /// `R-` and eight hex digits: short enough to type, random so two laptops never collide.
    static String newRequestId() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return "R-" + HexFormat.of().formatHex(bytes);
    }

    private ApplyTarget openTarget(ReviewCase.Target target) throws TargetWriteException {
        return switch (target.kind()) {
            case FOLDER -> new FolderTarget(Path.of(target.name()));
            case CONTEXT -> contexts.open(target.name());
        };
    }

    @Override
    public void close() {
        contexts.close();
        try {
            closer.close();
        } catch (Exception ignored) {
            // closing a read-only or already closed log loses nothing
        }
    }
}
