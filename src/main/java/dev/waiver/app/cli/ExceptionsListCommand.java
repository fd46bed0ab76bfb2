package dev.waiver.app.cli;

import dev.waiver.app.cluster.ClusterWorkspaceLoader;
import dev.waiver.app.cluster.ReadScope;
import dev.waiver.app.review.ReviewHome;
import dev.waiver.app.workspace.DemoWorkspace;
import dev.waiver.app.workspace.FolderWorkspace;
import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.RegisterFilter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `waiver exceptions list`: the register of a folder, of kubeconfig contexts, or of the demo, filtered,
/// as a table or JSON.
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Print the exception register of a folder of YAML, of clusters (--context), or of the demo workspace, filtered.")
public final class ExceptionsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--dir", paramLabel = "PATH",
            description = "Folder (read recursively) or file of YAML. Without it: the demo workspace.")
    Path dir;

    @Option(names = "--status", paramLabel = "S", description = "Only this status (repeatable): active, in-review, inactive, expired, revoked, rejected.")
    List<String> statuses = List.of();

    @Option(names = "--namespace", paramLabel = "NS", description = "Only exceptions living in or matching this namespace (repeatable).")
    List<String> namespaces = List.of();

    @Option(names = "--check-type", paramLabel = "T", description = "Only this check type, the policy category (repeatable).")
    List<String> checkTypes = List.of();

    @Option(names = "--search", paramLabel = "TEXT", description = "Words that must all appear in name, namespace, policy, rule, names, requestor, ticket or reason.")
    String search = "";

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table (default) or json.")
    String output = "table";

    @Override
    public Integer call() {
        GlobalOptions global = GlobalOptions.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var filter = new RegisterFilter(parseStatuses(), Set.copyOf(checkTypes), Set.copyOf(namespaces), search);
        if (!output.equals("table") && !output.equals("json")) {
            throw new ParameterException(spec.commandLine(), "-o must be table or json, not '" + output + "'");
        }
        if (dir != null && cluster.given()) {
            throw new ParameterException(spec.commandLine(), "--dir reads a folder, --context and --all-contexts read clusters: choose one");
        }
        if (cluster.given()) {
            // A context that cannot be read is reported and the rest listed: exit 2 only when none could be.
            var loads = ContextLoads.load(global, cluster, ReadScope.register(), err);
            if (loads.isEmpty()) {
                return ExitCodes.BAD_INPUT;
            }
            print(ClusterWorkspaceLoader.merge(loads.get()), filter, loads.get().size() > 1, global, out, err);
            return ExitCodes.OK;
        }
        if (dir != null && !Files.exists(dir)) {
            err.println(dir + ": no such file or folder");
            return ExitCodes.BAD_INPUT;
        }
        Workspace workspace = dir == null ? DemoWorkspace.loader(global.clock()).load() : FolderWorkspace.loader(dir).load();
        if (dir == null) {
            err.println("(the demo workspace: pass --dir PATH for your own folder, or --context CTX for a cluster)");
        }
        for (LoadProblem problem : workspace.problems()) {
            err.println(problem);
        }
        print(workspace, filter, false, global, out, err);
        return workspace.problems().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /// The workspace's exceptions and, beside them, the review store's requests and revoked exceptions.
    private void print(Workspace workspace, RegisterFilter filter, boolean withContext, GlobalOptions global,
                       PrintWriter out, PrintWriter err) {
        var exemptions = new ArrayList<>(workspace.exemptions());
        try {
            exemptions.addAll(ReviewHome.storedBesides(global.home(), workspace.exemptions(), global.clock()));
        } catch (ReviewHome.UnusableHome e) {
            err.println(e.getMessage());
        }
        Register register = Register.assess(exemptions, workspace.policies(), global.clock().instant());
        var rows = register.select(filter);
        if (output.equals("json")) {
            out.println(RegisterJson.write(rows));
        } else {
            RegisterTable.print(rows, register.assessedAt(), out, withContext);
        }
        out.flush();
    }

    private Set<ExemptionStatus> parseStatuses() {
        var result = EnumSet.noneOf(ExemptionStatus.class);
        for (String s : statuses) {
            result.add(ExemptionStatus.parse(s).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "unknown status '" + s + "'; use one of " + Arrays.stream(ExemptionStatus.values())
                            .map(v -> v.name().toLowerCase().replace('_', '-')).collect(Collectors.joining(", ")))));
        }
        return result;
    }
}
