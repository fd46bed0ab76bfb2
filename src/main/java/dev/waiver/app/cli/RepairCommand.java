package dev.waiver.app.cli;

import dev.waiver.app.review.ReviewResult;
import dev.waiver.app.review.ReviewService;
import dev.waiver.app.workspace.FolderWorkspace;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.review.ReviewRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `waiver repair NAME --dir PATH`: rewrites an exception whose time condition Kyverno can never satisfy
/// (the `LessThan` form) into the working `time_before` form, in the file it was read from, and logs it.
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Rewrite a never-true expiry condition (the LessThan form) into the form Kyverno honours, in place.")
public final class RepairCommand extends ReviewCommandBase {

    @Parameters(paramLabel = "NAME", description = "The exception: namespace/name, or name when it is unique.")
    String name;

    @Option(names = "--dir", required = true, paramLabel = "PATH", description = "The folder that holds it.")
    Path dir;

    @Override
    ReviewResult run(ReviewService service) {
        if (!Files.isDirectory(dir)) {
            return new ReviewResult.Failed(dir + ": no such folder", false);
        }
        List<Exemption> matches = FolderWorkspace.loader(dir).load().exemptions().stream()
                .filter(e -> e.qualifiedName().equals(name) || e.name().equals(name)).toList();
        if (matches.size() != 1) {
            return new ReviewResult.Refused(ReviewRule.UNKNOWN_ID, matches.isEmpty()
                    ? "no exception named " + name + " in " + dir
                    : name + " names " + matches.size() + " exceptions; use namespace/name");
        }
        Exemption exemption = matches.getFirst();
        String origin = exemption.origin().orElseThrow();
        Path file = Path.of(origin.substring(0, origin.lastIndexOf(':')));
        return service.repairInFile(exemption, file, actor);
    }
}
