package dev.waiver.app.cli;

import dev.waiver.app.metrics.MetricsReport;
import dev.waiver.app.review.ReviewHome;
import dev.waiver.engine.review.ReviewMetrics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/// `waiver metrics`: the process measures from the audit log, each against its target.
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Exception metrics from the audit log: total in force, average duration, expired removed, renewal rate.")
public final class MetricsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TableOrJson format;

    @Override
    public Integer call() {
        boolean json = format.json();
        GlobalOptions global = GlobalOptions.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        ReviewMetrics metrics;
        try (ReviewHome home = ReviewHome.open(global.home(), global.clock())) {
            metrics = home.service().metrics();
        } catch (ReviewHome.UnusableHome e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(MetricsReport.json(metrics)));
        } else {
            var rows = new ArrayList<String[]>();
            rows.add(new String[] {"MEASURE", "VALUE", "TARGET", ""});
            MetricsReport.measures(metrics).forEach(m -> rows.add(new String[] {m.name(), m.value(), m.target(), m.verdict()}));
            TextTable.print(rows, new int[] {20, 30, 12, 40}, out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
