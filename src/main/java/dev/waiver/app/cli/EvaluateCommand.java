package dev.waiver.app.cli;

import dev.waiver.app.cluster.ClusterRead;
import dev.waiver.app.cluster.ClusterWorkspaces;
import dev.waiver.app.cluster.ContextLoad;
import dev.waiver.app.cluster.ReadScope;
import dev.waiver.app.evaluation.EvaluationInputs;
import dev.waiver.app.evaluation.PolicyReports;
import dev.waiver.app.workspace.LoadResult;
import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.app.workspace.YamlWriter;
import dev.waiver.engine.evaluation.EvaluationContext;
import dev.waiver.engine.evaluation.PolicySet;
import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// `waiver evaluate`: Kyverno validate rules against resources, offline, honouring the exceptions
/// the cluster honours now, and showing what each exception hides. With `--context`, the policies,
/// exceptions and workloads come from the cluster (each context evaluated on its own), and paths add to them.
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate Kyverno validate rules against resources, honouring active PolicyExceptions.")
public final class EvaluateCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--policies"}, arity = "1..*", paramLabel = "PATH",
            description = "Files or folders with ClusterPolicy / Policy documents (with --context: added to the cluster's).")
    List<Path> policies = List.of();

    @Option(names = {"-r", "--resources"}, arity = "1..*", paramLabel = "PATH",
            description = "Files or folders with the resources to check (Namespace objects also give namespace labels;"
                    + " with --context: added to the cluster's workloads).")
    List<Path> resources = List.of();

    @Option(names = {"-e", "--exceptions"}, arity = "1..*", paramLabel = "PATH",
            description = "Files or folders with PolicyExceptions (those in -p / -r paths count too).")
    List<Path> exceptions = List.of();

    @Option(names = "--values", paramLabel = "FILE",
            description = "A kyverno test Values file: namespace labels, global and per-resource values.")
    Path values;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table (default), json, yaml or policyreport.")
    String output = "table";

    @Mixin
    ClusterOptions cluster;

    /// One evaluation's inputs and where they came from (empty for files only).
    private record Run(Optional<String> context, LoadResult documents) {
    }

    @Override
    public Integer call() {
        if (!List.of("table", "json", "yaml", "policyreport").contains(output)) {
            throw new ParameterException(spec.commandLine(), "-o must be table, json, yaml or policyreport, not '" + output + "'");
        }
        if (!cluster.given() && (policies.isEmpty() || resources.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "Missing required options: '--policies=PATH' and"
                    + " '--resources=PATH' (or --context CTX to take them from a cluster)");
        }
        Clock clock = GlobalOptions.of(spec).clock();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var paths = new ArrayList<Path>(policies);
        paths.addAll(resources);
        paths.addAll(exceptions);
        LoadResult files = YamlDocuments.readPaths(paths);
        var runs = new ArrayList<Run>();
        if (cluster.given()) {
            var loads = ContextLoads.load(GlobalOptions.of(spec), cluster, ReadScope.evaluation(), err);
            if (loads.isEmpty()) {
                return ExitCodes.BAD_INPUT;
            }
            for (ContextLoad load : loads.get()) {
                clusterRead(load).ifPresent(read -> {
                    var documents = new ArrayList<>(files.documents());
                    documents.addAll(ClusterWorkspaces.documents(read).documents());
                    runs.add(new Run(Optional.of(read.context()), new LoadResult(documents, files.problems())));
                });
            }
        } else {
            runs.add(new Run(Optional.empty(), files));
        }
        var results = new ArrayList<Map.Entry<Optional<String>, List<RuleResult>>>();
        var policyDocuments = new ArrayList<Map<String, Object>>();
        for (Run run : runs) {
            String prefix = run.context().map(c -> "context " + c + ": ").orElse("");
            EvaluationInputs inputs = EvaluationInputs.of(run.documents(), clock.instant());
            Optional<EvaluationContext> ctx = context(inputs, clock, err);
            if (!inputs.problems().isEmpty() || ctx.isEmpty()) {
                // Results without a file that was meant to be read would mislead: stop before evaluating.
                inputs.problems().forEach(err::println);
                return ExitCodes.BAD_INPUT;
            }
            inputs.ignored().forEach(err::println);
            inputs.notHonoured().forEach((key, status) ->
                    err.println(prefix + "exception " + key + " is " + status.label() + ": not honoured, not applied"));
            if (inputs.policies().isEmpty()) {
                err.println(run.context().map(c -> "context " + c + ": no ClusterPolicy or Policy")
                        .orElse("no ClusterPolicy or Policy in " + policies) + ": nothing to evaluate");
                continue;
            }
            policyDocuments.addAll(inputs.policies());
            results.add(Map.entry(run.context(), PolicySet.compile(inputs.policies(), inputs.exceptions())
                    .evaluate(inputs.resources(), ctx.get())));
        }
        if (results.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        print(results, policyDocuments, runs.size() > 1, clock, out);
        out.flush();
        results.forEach(run -> GracePeriodDrafts.draft(GlobalOptions.of(spec), run.getValue(), run.getKey(), err));
        err.flush();
        return results.stream().flatMap(r -> r.getValue().stream()).anyMatch(r -> r.status() == RuleStatus.FAIL)
                ? ExitCodes.FAILED_CHECK : ExitCodes.OK;
    }

    /// Several contexts: each table under its context's name; JSON and YAML rows carry a `context` field.
    private void print(List<Map.Entry<Optional<String>, List<RuleResult>>> results, List<Map<String, Object>> policyDocuments,
                       boolean several, Clock clock, PrintWriter out) {
        var rows = new ArrayList<Map<String, Object>>();
        for (var entry : results) {
            for (var row : ResultRows.of(entry.getValue())) {
                var withContext = new LinkedHashMap<String, Object>();
                entry.getKey().ifPresent(c -> withContext.put("context", c));
                withContext.putAll(row);
                rows.add(withContext);
            }
        }
        List<RuleResult> all = results.stream().flatMap(r -> r.getValue().stream()).toList();
        switch (output) {
            case "json" -> out.println(JSON.writeValueAsString(rows));
            case "yaml" -> out.print(YamlWriter.writeList(rows));
            case "policyreport" -> out.print(YamlWriter.writeAll(PolicyReports.build(all, policyDocuments, clock.instant())));
            default -> {
                for (var entry : results) {
                    if (several) {
                        out.println("context " + entry.getKey().orElse("") + ":");
                    }
                    ResultsTable.print(entry.getValue(), out);
                    if (several) {
                        out.println();
                    }
                }
            }
        }
    }

    /// What to evaluate from a context: its live read, or the snapshot standing in for it.
    private static Optional<ClusterRead> clusterRead(ContextLoad load) {
        return switch (load) {
            case ContextLoad.Live live -> Optional.of(live.read());
            case ContextLoad.FromSnapshot snapshot -> Optional.of(snapshot.snapshot());
            case ContextLoad.Failed failed -> Optional.empty();
        };
    }

    /// The values file's context with the labels of the Namespace objects read; the values file's
    /// own `namespaceSelector` entries win, since the user wrote them for this run.
    private Optional<EvaluationContext> context(EvaluationInputs inputs, Clock clock, PrintWriter err) {
        if (values == null) {
            return Optional.of(EvaluationContext.of(clock).withNamespaceLabels(inputs.namespaceLabels()));
        }
        var read = YamlDocuments.readFile(values);
        if (!read.problems().isEmpty()) {
            read.problems().forEach(err::println);
            return Optional.empty();
        }
        if (read.documents().isEmpty()) {
            err.println(values + ": empty values file");
            return Optional.empty();
        }
        EvaluationContext fromFile = EvaluationContext.fromValues(read.documents().getFirst().tree(), clock);
        Map<String, Map<String, Object>> labels = new LinkedHashMap<>(inputs.namespaceLabels());
        labels.putAll(fromFile.namespaceLabels());
        return Optional.of(fromFile.withNamespaceLabels(labels));
    }
}
