package dev.waiver.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Selection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The window over a real data folder: reading finds no store and creates none; the request form opens
/// (creates) it, and a request made there is in the queue, and still there for a window opened later.
class ReviewAccessTest {

    @TempDir
    Path home;

    @TempDir
    Path folder;

    /// A window left open follows `waiver settings set` run from a terminal: its next request is checked
    /// against the new maximum, not the one read when the window opened.
    @Test
    void anOpenWindowsWorkflowFollowsASettingChangedMeanwhile() throws Exception {
        var desk = new ReviewDesk(folder);
        try (var access = ReviewAccess.of(home, desk.clock)) {
            var service = access.service();
            assertThat(service.workflow().settings().maxDuration()).isEqualTo(java.time.Duration.ofDays(30));
            var check = ReviewSettingsFile.check("review.max-days", "7");
            var outcome = ReviewSettingChange.apply((ReviewSettingsFile.Checked.Valid) check, service.log(),
                    home.resolve(dev.waiver.app.settings.Settings.FILE_NAME), "ciso", desk.clock.instant());
            assertThat(outcome).isInstanceOf(ReviewSettingChange.Outcome.Changed.class);

            assertThat(service.workflow().settings().maxDuration()).isEqualTo(java.time.Duration.ofDays(7));
        }
    }

    @Test
    void readingCreatesNoStoreAndTheFirstRequestDoes() throws Exception {
        var desk = new ReviewDesk(folder);
        try (var access = ReviewAccess.of(home, desk.clock)) {
            var runner = new ImmediateRunner();
            var queue = new ReviewsViewModel(access, runner, desk.clock, desk.workspace, new Selection<>(), "dana", id -> { });
            queue.refresh();
            assertThat(queue.rows()).isEmpty();
            assertThat(queue.unavailableProperty().get()).isEmpty();
            assertThat(access.besides(desk.workspace.get().exemptions(), desk.clock.instant())).isEmpty();
            assertThat(home.resolve(SqliteAuditLog.FILE_NAME)).doesNotExist();

            var form = new RequestFormViewModel(access, runner, desk.dialogs, desk.clock, desk.workspace,
                    queue.reviewerProperty(), queue::refresh);
            form.requestFor("disallow-privileged-containers", "privileged-containers", "Pod", "payments", "vendor-api-1");
            assertThat(home.resolve(SqliteAuditLog.FILE_NAME)).exists();
            form.reasonProperty().set("vendor agent");
            form.submit();
            assertThat(queue.rows()).hasSize(1);
            assertThat(access.besides(desk.workspace.get().exemptions(), desk.clock.instant())).hasSize(1);
        }
        try (var later = ReviewAccess.of(home, desk.clock)) {
            assertThat(later.stored().orElseThrow().cases()).hasSize(1);
        }
    }
}
