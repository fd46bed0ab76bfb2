package dev.waiver.app.cli;

import dev.waiver.app.evaluation.EvaluationInputs;
import dev.waiver.app.evaluation.PolicyReports;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// `waiver evaluate`: Kyverno validate rules against resources, offline, honouring the exceptions
/// the cluster honours now, and showing what each exception hides.
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate Kyverno validate rules against resources, honouring active PolicyExceptions.")
public final class EvaluateCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--policies"}, arity = "1..*", required = true, paramLabel = "PATH",
            description = "Files or folders with ClusterPolicy / Policy documents.")
    List<Path> policies;

    @Option(names = {"-r", "--resources"}, arity = "1..*", required = true, paramLabel = "PATH",
            description = "Files or folders with the resources to check (Namespace objects also give namespace labels).")
    List<Path> resources;

    @Option(names = {"-e", "--exceptions"}, arity = "1..*", paramLabel = "PATH",
            description = "Files or folders with PolicyExceptions (those in -p / -r paths count too).")
    List<Path> exceptions = List.of();

    @Option(names = "--values", paramLabel = "FILE",
            description = "A kyverno test Values file: namespace labels, global and per-resource values.")
    Path values;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table (default), json, yaml or policyreport.")
    String output = "table";

    @Override
    public Integer call() {
        if (!List.of("table", "json", "yaml", "policyreport").contains(output)) {
            throw new ParameterException(spec.commandLine(), "-o must be table, json, yaml or policyreport, not '" + output + "'");
        }
        Clock clock = GlobalOptions.of(spec).clock();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var paths = new ArrayList<Path>(policies);
        paths.addAll(resources);
        paths.addAll(exceptions);
        EvaluationInputs inputs = EvaluationInputs.load(paths, clock.instant());
        Optional<EvaluationContext> ctx = context(inputs, clock, err);
        if (!inputs.problems().isEmpty() || ctx.isEmpty()) {
            // Results without a file that was meant to be read would mislead: stop before evaluating.
            inputs.problems().forEach(err::println);
            return ExitCodes.BAD_INPUT;
        }
        inputs.ignored().forEach(err::println);
        inputs.notHonoured().forEach((key, status) ->
                err.println("exception " + key + " is " + status.label() + ": not honoured, not applied"));
        if (inputs.policies().isEmpty()) {
            err.println("no ClusterPolicy or Policy in " + policies + ": nothing to evaluate");
            return ExitCodes.BAD_INPUT;
        }
        List<RuleResult> results = PolicySet.compile(inputs.policies(), inputs.exceptions()).evaluate(inputs.resources(), ctx.get());
        switch (output) {
            case "json" -> out.println(JSON.writeValueAsString(ResultRows.of(results)));
            case "yaml" -> out.print(YamlWriter.writeList(ResultRows.of(results)));
            case "policyreport" -> out.print(YamlWriter.writeAll(PolicyReports.build(results, inputs.policies(), clock.instant())));
            default -> ResultsTable.print(results, out);
        }
        out.flush();
        return results.stream().anyMatch(r -> r.status() == RuleStatus.FAIL) ? ExitCodes.FAILED_CHECK : ExitCodes.OK;
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
