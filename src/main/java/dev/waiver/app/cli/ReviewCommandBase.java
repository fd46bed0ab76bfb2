package dev.waiver.app.cli;

import dev.waiver.app.review.ReviewHome;
import dev.waiver.app.review.ReviewResult;
import dev.waiver.app.review.ReviewService;
import dev.waiver.engine.ports.AuditLogException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// What every workflow command shares: the actor, the review service over the data folder's audit log
/// (and the kubeconfig `--kubeconfig` names, for steps on a cluster context), and how a result becomes
/// output and an exit code (0 done, 4 refused by a rule, 2 not carried out: the folder or cluster
/// refused or could not be reached).
abstract class ReviewCommandBase implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--as", paramLabel = "USER", required = true, description = "Who takes this step (recorded in the audit log).")
    String actor;

    @Override
    public final Integer call() {
        GlobalOptions global = GlobalOptions.of(spec);
        // The kubeconfig is looked for only if the step reaches a cluster context; the client is closed with the home.
        try (ReviewHome home = ReviewHome.open(global.home(), global.clock(), global::kubeconfigs)) {
            return finish(run(home.service()));
        } catch (ReviewHome.UnusableHome e) {
            err().println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (AuditLogException e) {
            err().println("the audit log could not record the step: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    abstract ReviewResult run(ReviewService service);

    /// The line printed last when the step is done; the request command prints the new id.
    String doneLine(ReviewResult.Recorded recorded) {
        return recorded.message();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private int finish(ReviewResult result) {
        try {
            return switch (result) {
                case ReviewResult.Recorded r -> {
                    out().println(doneLine(r));
                    yield ExitCodes.OK;
                }
                case ReviewResult.Refused r -> {
                    err().println(r.line());
                    yield ExitCodes.REFUSED;
                }
                case ReviewResult.Failed f -> {
                    err().println(f.message());
                    yield ExitCodes.BAD_INPUT;
                }
            };
        } finally {
            out().flush();
            err().flush();
        }
    }
}
