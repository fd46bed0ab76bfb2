package dev.waiver.app.cli;

import dev.waiver.app.cluster.ClusterWorkspaceLoader;
import dev.waiver.app.cluster.ReadScope;
import dev.waiver.app.workspace.FolderWorkspace;
import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.Source;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/// How a command reads the workspace its register comes from: a folder or file of YAML (`--dir`),
/// kubeconfig contexts (`--context`, `--all-contexts`), or the command's own fallback when neither is
/// given. `exceptions list` and `audit export` both read through here, so an export's register is what
/// the list shows for the same options.
final class WorkspaceReads {

    /// What was read. `severalContexts`: it merges contexts, so each row should name its own.
    /// `unreadFiles`: some files of the folder could not be read (they were named on stderr).
    record Read(Workspace workspace, boolean severalContexts, boolean unreadFiles) {

        /// The register: the workspace's exceptions and, beside them, the review store's requests and
        /// revoked exceptions (`stored`, from [dev.waiver.engine.review.StoredRequests#besides]).
        Register register(List<Exemption> stored, Instant now) {
            var exemptions = new ArrayList<>(workspace.exemptions());
            exemptions.addAll(stored);
            return Register.assess(exemptions, workspace.policies(), now);
        }

        /// What was read, in words: `folder /x`, `kubeconfig context prod (offline, as of …)`.
        String described() {
            return workspace.source().kind() == Source.Kind.CONTEXT ? "kubeconfig context " + workspace.title()
                    : workspace.source().label();
        }
    }

    private WorkspaceReads() {
    }

    /// Empty when nothing could be read (a missing folder, no usable kubeconfig, no context readable or in
    /// a snapshot): the reasons are printed, and the command exits 2. Problems with single files or
    /// contexts are printed too, and the rest is returned.
    static Optional<Read> read(Path dir, ClusterOptions cluster, Supplier<Workspace> fallback, GlobalOptions global,
                               CommandSpec spec, PrintWriter err) {
        if (dir != null && cluster.given()) {
            throw new ParameterException(spec.commandLine(), "--dir reads a folder, --context and --all-contexts read clusters: choose one");
        }
        if (cluster.given()) {
            // A context that cannot be read is reported and the rest kept: empty only when none could be.
            return ContextLoads.load(global, cluster, ReadScope.register(), err)
                    .map(loads -> new Read(ClusterWorkspaceLoader.merge(loads), loads.size() > 1, false));
        }
        if (dir != null && !Files.exists(dir)) {
            err.println(dir + ": no such file or folder");
            return Optional.empty();
        }
        Workspace workspace = dir == null ? fallback.get() : FolderWorkspace.loader(dir).load();
        for (LoadProblem problem : workspace.problems()) {
            err.println(problem);
        }
        return Optional.of(new Read(workspace, false, !workspace.problems().isEmpty()));
    }
}
