package dev.waiver.app.cli;

import dev.waiver.app.cluster.ClientSettings;
import dev.waiver.app.cluster.ClusterErrors;
import dev.waiver.app.cluster.ContextProbe;
import dev.waiver.app.cluster.IdentityLookup;
import dev.waiver.app.cluster.KubeContext;
import dev.waiver.app.cluster.KubeconfigException;
import dev.waiver.app.cluster.Kubeconfigs;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// `waiver contexts`: the kubeconfig's contexts as kubectl lists them, plus whether each server answers
/// and who the user is there (the server's own answer where it gives one, else the kubeconfig's user
/// name). Servers are asked at once, each with a short timeout.
@Command(name = "contexts", mixinStandardHelpOptions = true,
        description = "List the kubeconfig's contexts: current one, server, namespace, reachable, identity.")
public final class ContextsCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String[] HEADER = {"CURRENT", "NAME", "SERVER", "NAMESPACE", "REACHABLE", "IDENTITY"};
    private static final int[] MAX = {7, 40, 50, 24, 70, 40};

    @Spec
    CommandSpec spec;

    @Option(names = "--no-check", description = "Do not contact the servers (no reachability, identity from the kubeconfig).")
    boolean noCheck;

    @Mixin
    TableOrJson format;

    private record Row(KubeContext context, Optional<Boolean> reachable, String detail, Optional<String> identity) {
    }

    @Override
    public Integer call() throws InterruptedException {
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Kubeconfigs kubeconfigs;
        try {
            kubeconfigs = GlobalOptions.of(spec).kubeconfigs();
        } catch (KubeconfigException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        List<Row> rows = check(kubeconfigs);
        if (json) {
            out.println(JSON.writeValueAsString(rows.stream().map(ContextsCommand::json).toList()));
        } else {
            var cells = new ArrayList<String[]>();
            cells.add(HEADER);
            for (Row r : rows) {
                KubeContext c = r.context();
                cells.add(new String[] {c.current() ? "*" : "", c.name(), c.server().orElse("-"), c.namespace().orElse("-"),
                    r.reachable().map(yes -> yes ? "yes" + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")")
                            : "no: " + r.detail()).orElse("not checked"),
                    r.identity().orElse("-")});
            }
            TextTable.print(cells, MAX, out);
            if (rows.isEmpty()) {
                out.println();
                out.println("The kubeconfig has no contexts.");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<Row> check(Kubeconfigs kubeconfigs) throws InterruptedException {
        if (noCheck) {
            return kubeconfigs.contexts().stream().map(c -> new Row(c, Optional.empty(), "", c.user())).toList();
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<Row>>();
            for (KubeContext context : kubeconfigs.contexts()) {
                futures.add(executor.submit(() -> check(kubeconfigs, context)));
            }
            var rows = new ArrayList<Row>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    rows.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    KubeContext c = kubeconfigs.contexts().get(i);
                    rows.add(new Row(c, Optional.of(false), ClusterErrors.rootMessage(e), c.user()));
                }
            }
            return rows;
        }
    }

    private Row check(Kubeconfigs kubeconfigs, KubeContext context) {
        try (var client = kubeconfigs.client(context.name(), ClientSettings.probe())) {
            var reach = ContextProbe.probe(client);
            // The server's answer (SelfSubjectReview) where it gives one, else the kubeconfig's user name.
            Optional<String> who = reach.reachable()
                    ? Optional.of(new IdentityLookup(client, context.user().orElse(null)).current().username())
                    : context.user();
            return new Row(context, Optional.of(reach.reachable()), reach.detail(), who);
        } catch (KubeconfigException e) {
            return new Row(context, Optional.of(false), e.getMessage(), context.user());
        }
    }

    private static Map<String, Object> json(Row r) {
        var row = new LinkedHashMap<String, Object>();
        KubeContext c = r.context();
        row.put("name", c.name());
        row.put("current", c.current());
        row.put("cluster", c.cluster().orElse(null));
        row.put("server", c.server().orElse(null));
        row.put("namespace", c.namespace().orElse(null));
        row.put("user", c.user().orElse(null));
        row.put("reachable", r.reachable().orElse(null));
        row.put("detail", r.detail().isEmpty() ? null : r.detail());
        row.put("identity", r.identity().orElse(null));
        return row;
    }
}
