package dev.waiver.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.export.Rfc4180;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/// `waiver audit export` carries the register and the metrics beside the entries, in every format, from a
/// real log and a real folder: CSV in files of their own (formula cells defused), JSON under `sections`
/// (still verifying on its own), HTML as tables and an inline chart that loads nothing.
class AuditExportSectionsTest {

    static final String DAY0 = "2026-11-23T12:00:00Z";
    static final String DAY5 = "2026-11-28T12:00:00Z";
    /// A justification written to take over a spreadsheet and a browser.
    static final String HOSTILE = "=HYPERLINK(\"https://evil.example/x\",\"open\") <script src=\"https://evil.example/x.js\"></script>";

    @TempDir
    Path home;

    @TempDir
    Path gitops;

    @TempDir
    Path out;

    String applied;
    String pending;

    CliRun run(String now, String... args) {
        var all = new ArrayList<>(List.of("--home", home.toString(), "--now", now));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        return run;
    }

    String ok(CliRun run) {
        assertThat(run.code()).as(run.toString()).isZero();
        return run.out();
    }

    @BeforeEach
    void anAppliedExceptionAndAPendingRequest() {
        applied = ok(run(DAY0, "request", "--policy", "require-image-signature", "--namespace", "payments", "--reason", HOSTILE,
                "--ticket", "+SEC-12", "--days", "10", "--as", "dana")).strip().lines().toList().getLast();
        ok(run(DAY0, "approve", applied, "--as", "sam", "--comment", "vendor fix due next sprint"));
        ok(run(DAY0, "apply", applied, "--dir", gitops.toString(), "--as", "ops"));
        pending = ok(run(DAY0, "request", "--policy", "disallow-latest-tag", "--namespace", "ml", "--reason", "-1+1",
                "--days", "5", "--as", "@mallory")).strip().lines().toList().getLast();
    }

    private CliRun export(String format) {
        return run(DAY5, "audit", "export", "--format", format, "--out", out.resolve("audit." + format).toString(),
                "--dir", gitops.toString());
    }

    @Test
    void csvWritesTheRegisterAndMetricsBesideTheEntriesWithFormulasDefused() throws Exception {
        List<String> lines = ok(export("csv")).lines().toList();
        assertThat(lines.get(1)).isEqualTo("and the register and metrics beside it: audit-register.csv, audit-metrics.csv, audit-in-force.csv");

        List<List<String>> register = Rfc4180.parse(Files.readString(out.resolve("audit-register.csv")));
        List<String> header = register.getFirst();
        List<String> active = row(register, applied);
        assertThat(active.get(header.indexOf("Status"))).isEqualTo("Active");
        assertThat(active.get(header.indexOf("Justification"))).isEqualTo("'" + HOSTILE);
        assertThat(active.get(header.indexOf("Ticket"))).isEqualTo("'+SEC-12");
        assertThat(active.get(header.indexOf("Requestor"))).isEqualTo("dana");
        assertThat(active.get(header.indexOf("Approved by"))).isEqualTo("sam");
        assertThat(active.get(header.indexOf("Policy / rules"))).startsWith("require-image-signature: *");
        assertThat(active.get(header.indexOf("Matches"))).contains("in payments");
        assertThat(active.get(header.indexOf("Expires (UTC)"))).isEqualTo("2026-12-03T12:00:00Z");
        List<String> inReview = row(register, pending);
        assertThat(inReview.get(header.indexOf("Status"))).isEqualTo("In Review");
        assertThat(inReview.get(header.indexOf("Requestor"))).isEqualTo("'@mallory");
        assertThat(inReview.get(header.indexOf("Justification"))).isEqualTo("'-1+1");

        assertThat(Rfc4180.parse(Files.readString(out.resolve("audit-metrics.csv"))))
                .contains(List.of("in force now", "1", "falling", "ok"));
        List<List<String>> trend = Rfc4180.parse(Files.readString(out.resolve("audit-in-force.csv")));
        assertThat(trend).hasSize(7).startsWith(List.of("Day (UTC)", "In force"), List.of("2026-11-23", "1"))
                .endsWith(List.of("2026-11-28", "1"));

        List<List<String>> entries = Rfc4180.parse(Files.readString(out.resolve("audit.csv")));
        assertThat(entries.get(1).get(6)).as("the request's comment is its reason").isEqualTo("'" + HOSTILE);
        for (List<String> entry : entries) {
            entry.forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                    .doesNotStartWith("@"));
        }
    }

    private static List<String> row(List<List<String>> register, String requestId) {
        int column = register.getFirst().indexOf("Request");
        return register.stream().filter(r -> r.get(column).equals(requestId)).findFirst().orElseThrow();
    }

    @Test
    void jsonHoldsTheSectionsAndStillVerifiesOnItsOwnUnlessAnEntryIsTampered() throws Exception {
        ok(export("json"));
        Path file = out.resolve("audit.json");
        var mapper = new JsonMapper();
        JsonNode json = mapper.readTree(file.toFile());
        JsonNode register = json.path("sections").path("register");
        assertThat(register.path("coverage").asString()).startsWith("folder " + gitops);
        assertThat(register.path("count").asInt()).isEqualTo(2);
        JsonNode active = register.path("exceptions").valueStream()
                .filter(e -> e.path("requestId").asString().equals(applied)).findFirst().orElseThrow();
        assertThat(active.path("reason").asString()).as("JSON keeps the value as recorded").isEqualTo(HOSTILE);
        assertThat(active.path("status").asString()).isEqualTo("Active");
        assertThat(active.path("ticket").asString()).isEqualTo("+SEC-12");
        assertThat(active.path("expires").asString()).isEqualTo("2026-12-03T12:00:00Z");

        JsonNode metrics = json.path("sections").path("metrics");
        assertThat(metrics.path("inForce").size()).isEqualTo(6);
        JsonNode printed = mapper.readTree(ok(run(DAY5, "metrics", "-o", "json")));
        assertThat(metrics).as("the export's metrics are what `waiver metrics` prints").isEqualTo(printed);

        CliRun verify = CliRun.of("audit", "verify", "--export", file.toString());
        assertThat(verify.code()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("intact: 4 entries");

        ObjectNode edited = (ObjectNode) mapper.readTree(file.toFile());
        ((ObjectNode) edited.path("entries").get(1)).put("comment", "approved without reservations");
        Files.writeString(file, mapper.writeValueAsString(edited));
        CliRun tampered = CliRun.of("audit", "verify", "--export", file.toString());
        assertThat(tampered.code()).as(tampered.toString()).isEqualTo(ExitCodes.ALTERED);
        assertThat(tampered.out()).contains("altered: entry 2");
    }

    @Test
    void theHtmlReportShowsRegisterDecisionsAndATrendChartAndLoadsNothing() throws Exception {
        ok(export("html"));
        String html = Files.readString(out.resolve("audit.html"));
        assertThat(html).contains("<section id=\"register\"><h2>Exception register</h2>", "<td>" + applied + "</td>",
                "<td>Active</td>", "<td>In Review</td>", "<section id=\"metrics\"><h2>Metrics</h2>", "<svg class=\"trend\"",
                "<section id=\"decisions\">", "<td>sam</td>", "vendor fix due next sprint", "id=\"head-hash\"");
        assertThat(html).contains("&lt;script src=&quot;https://evil.example/x.js&quot;&gt;");
        assertThat(html).doesNotContain("<script", "@import", "url(", "<link", "<img", "<iframe");
        // Every text from the log is escaped, so each real tag is Waiver's own: none of them loads or links anything.
        var tags = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        while (tags.find()) {
            assertThat(tags.group()).doesNotContainPattern("(?i)\\s(src|href|xlink:href|action|background)\\s*=")
                    .doesNotContainPattern("(?i)https?:");
        }
    }

    @Test
    void withoutAFolderTheRegisterHoldsTheStoresRequestsAndSaysSo() throws Exception {
        CliRun run = run(DAY5, "audit", "export", "--format", "json", "--out", out.resolve("store.json").toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).contains("the register holds the review store's requests only");
        JsonNode register = new JsonMapper().readTree(out.resolve("store.json").toFile()).path("sections").path("register");
        assertThat(register.path("coverage").asString()).startsWith("the review store's requests only");
        assertThat(register.path("exceptions").valueStream().map(e -> e.path("requestId").asString())).containsExactly(pending);
    }

    @Test
    void aMissingFolderWritesNothing() {
        CliRun run = run(DAY5, "audit", "export", "--format", "csv", "--out", out.resolve("a.csv").toString(),
                "--dir", gitops.resolve("nope").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo(gitops.resolve("nope") + ": no such file or folder");
        assertThat(out).isEmptyDirectory();
    }
}
