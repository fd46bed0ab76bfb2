package dev.waiver.app.workspace;

import dev.waiver.engine.exemption.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The built-in demo workspace, shipped in the jar. Its dates are written as `${now+5d}` tokens and
/// filled in from the clock when loaded, so the demo shows "expires in 5 days" whatever day it is.
public final class DemoWorkspace {

    private static final String ROOT = "/dev/waiver/app/workspace/demo/";
    private static final Pattern TOKEN = Pattern.compile("\\$\\{now(?:([+-])(\\d+)([dh]))?}");

    private DemoWorkspace() {
    }

    public static WorkspaceLoader loader(Clock clock) {
        return () -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
            var documents = new ArrayList<SourcedDocument>();
            var problems = new ArrayList<LoadProblem>();
            for (String file : index()) {
                LoadResult part = YamlDocuments.readString("demo/" + file, fillDates(resource(file), now));
                documents.addAll(part.documents());
                problems.addAll(part.problems());
            }
            return WorkspaceAssembler.assemble("Demo", Source.demo(), new LoadResult(documents, problems));
        };
    }

    /// Replaces every `${now}`, `${now+Nd}`, `${now-Nh}` with an RFC 3339 UTC timestamp.
    static String fillDates(String text, Instant now) {
        Matcher m = TOKEN.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            Instant at = now;
            if (m.group(1) != null) {
                long amount = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
                at = now.plus(m.group(3).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount));
            }
            m.appendReplacement(out, at.toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> index() {
        return resource("index.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String resource(String name) {
        try (InputStream in = DemoWorkspace.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the demo workspace is missing " + name + " in this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
