package dev.waiver.app.cli;

import dev.waiver.app.review.ReviewHome;
import dev.waiver.app.review.ReviewResult;
import dev.waiver.app.review.ReviewSettingsFile;
import dev.waiver.app.settings.Settings;
import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.ports.AuditLogException;
import dev.waiver.engine.review.ReviewCase;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/// After `waiver evaluate`: the temporary exceptions of the first seed's grace period. When a policy has
/// `review.grace-days.<policy>` set, each new failure under it becomes a drafted request in front of the
/// reviewers (approved, and applied to the evaluated context, only for `review.auto-apply` policies).
/// Without any grace period set the data folder is not touched. Reports go to stderr, so `-o json` stays
/// one document.
final class GracePeriodDrafts {

    private GracePeriodDrafts() {
    }

    /// `context` is the cluster the results came from, where auto-applied drafts go; a folder evaluation
    /// applies nothing on its own.
    static void draft(GlobalOptions global, List<RuleResult> results, Optional<String> context, PrintWriter err) {
        var settings = ReviewSettingsFile.read(Settings.load(global.home().resolve(Settings.FILE_NAME)));
        if (settings.gracePeriods().isEmpty()) {
            return;
        }
        try (ReviewHome home = ReviewHome.open(global.home(), global.clock())) {
            for (ReviewResult result : home.service().draftForFailures(results, context.map(ReviewCase.Target::context))) {
                err.println(switch (result) {
                    case ReviewResult.Recorded r -> r.message() + ": "
                            + r.after().exemption().justification().reason().orElse("temporary exception");
                    case ReviewResult.Refused r -> "temporary exception not drafted: " + r.line();
                    case ReviewResult.Failed f -> "temporary exception: " + f.message();
                });
            }
        } catch (ReviewHome.UnusableHome | AuditLogException e) {
            err.println("temporary exceptions not drafted: " + e.getMessage());
        }
    }
}
