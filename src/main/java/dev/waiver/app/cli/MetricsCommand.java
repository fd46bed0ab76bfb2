package dev.waiver.app.cli;

import dev.waiver.app.review.ReviewHome;
import dev.waiver.engine.review.ReviewMetrics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/// `waiver metrics`: the process measures from the audit log, each against its target.
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Exception metrics from the audit log: total in force, average duration, expired removed, renewal rate.")
public final class MetricsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table (default) or json.")
    String output = "table";

    @Override
    public Integer call() {
        if (!output.equals("table") && !output.equals("json")) {
            throw new ParameterException(spec.commandLine(), "-o must be table or json, not '" + output + "'");
        }
        GlobalOptions global = GlobalOptions.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        ReviewMetrics metrics;
        try (ReviewHome home = ReviewHome.open(global.home(), global.clock())) {
            metrics = home.service().metrics();
        } catch (ReviewHome.UnusableHome e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (output.equals("json")) {
            out.println(JsonMapper.builder().build().writeValueAsString(json(metrics)));
        } else {
            int now = metrics.inForce().isEmpty() ? 0 : metrics.inForce().getLast().count();
            List<String[]> rows = List.of(
                    new String[] {"MEASURE", "VALUE", "TARGET", ""},
                    row("in force now", Integer.toString(now), "falling", metrics.growing() ? "RED FLAG: growing over 30 days" : "ok"),
                    row("average duration", metrics.averageDuration().map(MetricsCommand::days).orElse("-"), "< 14 days",
                            verdict(metrics.averageOnTarget())),
                    row("expired removed", percent(metrics.expiredRemovedRate()) + " (" + metrics.removed() + " of "
                            + metrics.ended() + ")", "100%", verdict(metrics.removedOnTarget())),
                    row("renewal rate", percent(metrics.renewalRate()) + " (" + metrics.renewed() + " of "
                            + metrics.approved() + ")", "< 10%", verdict(metrics.renewalOnTarget())));
            TextTable.print(rows, new int[] {20, 30, 12, 40}, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static Map<String, Object> json(ReviewMetrics m) {
        var json = new LinkedHashMap<String, Object>();
        json.put("inForce", m.inForce().stream().map(d -> Map.of("day", d.day().toString(), "count", d.count())).toList());
        json.put("averageDurationDays", m.averageDuration().map(d -> d.toHours() / 24.0).orElse(null));
        json.put("expiredRemovedRate", m.expiredRemovedRate().isPresent() ? m.expiredRemovedRate().getAsDouble() : null);
        json.put("renewalRate", m.renewalRate().isPresent() ? m.renewalRate().getAsDouble() : null);
        json.put("approved", m.approved());
        json.put("ended", m.ended());
        json.put("removed", m.removed());
        json.put("renewed", m.renewed());
        json.put("growing", m.growing());
        return json;
    }

    private static String[] row(String... cells) {
        return cells;
    }

    private static String days(Duration d) {
        return String.format("%.1f days", d.toHours() / 24.0);
    }

    private static String percent(OptionalDouble rate) {
        return rate.isPresent() ? String.format("%.0f%%", rate.getAsDouble() * 100) : "-";
    }

    private static String verdict(boolean onTarget) {
        return onTarget ? "on target" : "OFF TARGET";
    }
}
