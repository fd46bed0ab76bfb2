package dev.waiver.app.cli;

import dev.waiver.app.review.ReviewSettingsFile;
import dev.waiver.app.settings.Settings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// `waiver settings list`: every review setting with the value in effect and whether it is a default.
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Show the review settings with the values in effect (a default where none is set).")
public final class SettingsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TableOrJson format;

    @Override
    public Integer call() {
        boolean json = format.json();
        PrintWriter out = spec.commandLine().getOut();
        var file = GlobalOptions.of(spec).home().resolve(Settings.FILE_NAME);
        List<ReviewSettingsFile.Shown> shown = ReviewSettingsFile.list(Settings.load(file));
        if (json) {
            var objects = shown.stream().map(s -> {
                var row = new LinkedHashMap<String, Object>();
                row.put("key", s.key());
                row.put("value", s.value().isEmpty() ? null : s.value());
                row.put("origin", s.origin());
                row.put("meaning", s.meaning());
                return row;
            }).toList();
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(objects));
        } else {
            var rows = new ArrayList<String[]>();
            rows.add(new String[] {"KEY", "VALUE", "ORIGIN", "MEANING"});
            shown.forEach(s -> rows.add(new String[] {s.key(), s.value().isEmpty() ? "-" : s.value(), s.origin(), s.meaning()}));
            TextTable.print(rows, new int[] {48, 40, 60, 80}, out);
            out.println("(" + file + "; change one with: waiver settings set KEY VALUE --as USER)");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
