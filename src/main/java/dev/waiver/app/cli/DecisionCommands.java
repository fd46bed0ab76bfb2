package dev.waiver.app.cli;

import dev.waiver.app.review.ReviewResult;
import dev.waiver.app.review.ReviewService;
import dev.waiver.engine.review.ReviewCase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// The workflow's steps after a request: approve, reject, apply, renew, revoke, remove, escalate.
/// Each is recorded in the audit log before it takes effect; a step a rule forbids exits 4 and says which rule.
final class DecisionCommands {

    private DecisionCommands() {
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a request (not your own).")
    static final class Approve extends ReviewCommandBase {
        @Parameters(paramLabel = "ID", description = "The request id.")
        String id;

        @Option(names = "--comment", paramLabel = "C", description = "Why it is acceptable.")
        String comment = "";

        @Option(names = "--risk-acceptance", paramLabel = "R", description = "Who accepts the risk.")
        String riskAcceptance;

        @Override
        ReviewResult run(ReviewService service) {
            return service.approve(id, actor, comment, Optional.ofNullable(riskAcceptance));
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a request, with the reason.")
    static final class Reject extends ReviewCommandBase {
        @Parameters(paramLabel = "ID", description = "The request id.")
        String id;

        @Option(names = "--comment", required = true, paramLabel = "C", description = "Why it is rejected.")
        String comment;

        @Override
        ReviewResult run(ReviewService service) {
            return service.reject(id, actor, comment);
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Write an approved exception to a folder (GitOps) or a cluster context, with its expiry condition.")
    static final class Apply extends ReviewCommandBase {
        @Parameters(paramLabel = "ID", description = "The exception id.")
        String id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        static final class Where {
            @Option(names = "--dir", paramLabel = "PATH", description = "A folder of YAML.")
            Path dir;

            @Option(names = "--context", paramLabel = "CTX", description = "A kubeconfig context.")
            String context;
        }

        @Override
        ReviewResult run(ReviewService service) {
            var target = where.dir != null ? ReviewCase.Target.folder(where.dir.toAbsolutePath().normalize().toString())
                    : ReviewCase.Target.context(where.context);
            return service.apply(id, target, actor);
        }
    }

    @Command(name = "renew", mixinStandardHelpOptions = true,
            description = "Give an exception a new end date and justification (counted as a renewal).")
    static final class Renew extends ReviewCommandBase {
        @Parameters(paramLabel = "ID", description = "The exception id.")
        String id;

        @Option(names = "--days", required = true, paramLabel = "N", description = "Lasts N days from now.")
        int days;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "The new justification.")
        String reason;

        @Override
        ReviewResult run(ReviewService service) {
            return service.renew(id, actor, Duration.ofDays(days), reason);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "End an exception now, with the reason.")
    static final class Revoke extends ReviewCommandBase {
        @Parameters(paramLabel = "ID", description = "The exception id.")
        String id;

        @Option(names = "--comment", required = true, paramLabel = "C", description = "Why it ends now.")
        String comment;

        @Override
        ReviewResult run(ReviewService service) {
            return service.revoke(id, actor, comment);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Delete an ended or revoked exception from the folder or cluster it was applied to.")
    static final class Remove extends ReviewCommandBase {
        @Parameters(paramLabel = "ID", description = "The exception id.")
        String id;

        @Override
        ReviewResult run(ReviewService service) {
            return service.remove(id, actor);
        }
    }

    @Command(name = "escalate", mixinStandardHelpOptions = true, description = "Flag an exception for a permanent decision.")
    static final class Escalate extends ReviewCommandBase {
        @Parameters(paramLabel = "ID", description = "The exception id.")
        String id;

        @Option(names = "--comment", required = true, paramLabel = "C", description = "What needs deciding.")
        String comment;

        @Override
        ReviewResult run(ReviewService service) {
            return service.escalate(id, actor, comment);
        }
    }
}
