package dev.waiver.app.cli;

import dev.waiver.app.review.ReviewResult;
import dev.waiver.app.review.ReviewService;
import dev.waiver.app.workspace.FolderWorkspace;
import dev.waiver.app.workspace.YamlWriter;
import dev.waiver.engine.exemption.PolicySummary;
import dev.waiver.engine.review.RequestForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/// `waiver request`: asks for an exception; it waits In Review until a reviewer decides. Prints the id last.
@Command(name = "request", mixinStandardHelpOptions = true,
        description = "Request an exception. It waits In Review; the new request's id is the last line printed.")
public final class RequestCommand extends ReviewCommandBase {

    @Option(names = "--policy", required = true, paramLabel = "P", description = "The policy to exempt from.")
    String policy;

    @Option(names = "--rule", paramLabel = "R", description = "A rule of the policy (repeatable; default: every rule, *).")
    List<String> rules = new ArrayList<>();

    @Option(names = "--namespace", required = true, paramLabel = "NS", description = "A namespace it matches (repeatable, wildcards allowed).")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "K", description = "A resource kind it matches (repeatable; default Pod).")
    List<String> kinds = new ArrayList<>();

    @Option(names = "--name", paramLabel = "PATTERN", description = "A resource name it matches (repeatable, wildcards allowed).")
    List<String> names = new ArrayList<>();

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "The justification.")
    String reason;

    @Option(names = "--ticket", paramLabel = "T", description = "The ticket that tracks the fix.")
    String ticket;

    @ArgGroup(exclusive = true, multiplicity = "1")
    End end;

    static final class End {
        @Option(names = "--days", paramLabel = "N", description = "Lasts N days from now (or from --starts).")
        Integer days;

        @Option(names = "--expires", paramLabel = "RFC3339", description = "Ends at this instant.")
        String expires;
    }

    @Option(names = "--starts", paramLabel = "RFC3339", description = "Starts later than now.")
    String starts;

    @Option(names = "--exception-namespace", paramLabel = "NS",
            description = "Where the PolicyException object lives (Kyverno's --exceptionNamespace). Default: the first namespace.")
    String exceptionNamespace;

    @Option(names = "--policies", paramLabel = "PATH",
            description = "A folder holding the policy, to add its autogen- rules exactly (default: Kyverno's default controllers).")
    Path policies;

    @Option(names = "--write", paramLabel = "FILE", description = "Also write the request as YAML, for a GitOps pull request.")
    Path write;

    @Override
    ReviewResult run(ReviewService service) {
        Instant now = GlobalOptions.of(spec).clock().instant();
        Optional<Instant> start = Optional.ofNullable(starts).map(s -> instant("--starts", s));
        Instant ends = end.expires != null ? instant("--expires", end.expires)
                : start.orElse(now).plus(Duration.ofDays(end.days));
        var form = new RequestForm(policy, rules.isEmpty() ? List.of("*") : rules, namespaces,
                kinds.isEmpty() ? List.of("Pod") : kinds, names, reason, Optional.ofNullable(ticket), start, ends, actor,
                Optional.ofNullable(exceptionNamespace));
        ReviewResult result = service.request(form, policySummary());
        if (result instanceof ReviewResult.Recorded recorded && write != null) {
            try {
                Files.writeString(write, YamlWriter.write(recorded.after().object()));
            } catch (IOException e) {
                return new ReviewResult.Failed("request " + recorded.after().id() + " recorded, but " + write
                        + " could not be written: " + e.getMessage(), true);
            }
        }
        return result;
    }

    @Override
    String doneLine(ReviewResult.Recorded recorded) {
        var object = recorded.after().exemption();
        out().println("requested " + object.qualifiedName() + ", In Review until a reviewer decides"
                + (write == null ? "" : "; written to " + write));
        return recorded.after().id();
    }

    private Optional<PolicySummary> policySummary() {
        if (policies == null) {
            return Optional.empty();
        }
        if (!Files.exists(policies)) {
            throw new ParameterException(spec.commandLine(), policies + ": no such file or folder");
        }
        return FolderWorkspace.loader(policies).load().policies().find(policy);
    }

    private Instant instant(String option, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be an RFC 3339 instant such as 2026-12-01T00:00:00Z, not '" + text + "'");
        }
    }
}
