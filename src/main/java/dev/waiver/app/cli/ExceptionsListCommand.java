package dev.waiver.app.cli;

import dev.waiver.app.exceptions.RegisterJson;
import dev.waiver.app.review.ReviewHome;
import dev.waiver.app.workspace.DemoWorkspace;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.RegisterFilter;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Mixin
    TableOrJson format;

    @Override
    public Integer call() {
        GlobalOptions global = GlobalOptions.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var filter = new RegisterFilter(parseStatuses(), Set.copyOf(checkTypes), Set.copyOf(namespaces), search);
        boolean json = format.json();
        if (dir == null && !cluster.given()) {
            err.println("(the demo workspace: pass --dir PATH for your own folder, or --context CTX for a cluster)");
        }
        var read = WorkspaceReads.read(dir, cluster, () -> DemoWorkspace.loader(global.clock()).load(), global, spec, err);
        if (read.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        print(read.get(), filter, json, global, out, err);
        return read.get().unreadFiles() ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    /// The workspace's exceptions and, beside them, the review store's requests and revoked exceptions.
    private void print(WorkspaceReads.Read read, RegisterFilter filter, boolean json, GlobalOptions global, PrintWriter out,
                       PrintWriter err) {
        List<Exemption> stored = List.of();
        try {
            stored = ReviewHome.storedBesides(global.home(), read.workspace().exemptions(), global.clock());
        } catch (ReviewHome.UnusableHome e) {
            err.println(e.getMessage());
        }
        Register register = read.register(stored, global.clock().instant());
        var rows = register.select(filter);
        if (json) {
            out.println(RegisterJson.write(rows));
        } else {
            RegisterTable.print(rows, register.assessedAt(), out, read.severalContexts());
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
