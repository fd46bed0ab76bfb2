package dev.waiver.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditChain;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditHead;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.ChainVerdict;
import dev.waiver.engine.audit.ChainVerdict.Flaw;
import dev.waiver.engine.ports.AuditLogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/// Exports as an auditor receives them: the JSON one verifies with nothing but itself and names the first
/// edited entry; CSV is RFC 4180; the HTML report is self-contained and escapes what the log holds.
class AuditExportTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    static List<AuditEntry> entries(int n) {
        var chain = new AuditChain();
        var entries = new ArrayList<AuditEntry>();
        AuditHead head = AuditHead.GENESIS;
        for (int i = 1; i <= n; i++) {
            var record = new AuditRecord(NOW.minusSeconds(3600L * (n - i)), "alice@example.com", AuditAction.values()[i % 4],
                    "payments/ex-" + i, "prod", "why, \"quoted\"\r\nand <script>alert(" + i + ")</script> & more",
                    i == 1 ? "" : "kind: PolicyException\n", "kind: PolicyException\nmetadata: {name: ex-" + i + "}\n");
            AuditEntry entry = chain.link(head, record);
            entries.add(entry);
            head = AuditHead.of(entry);
        }
        return entries;
    }

    private Path export(AuditExport export, ExportFormat format) throws IOException {
        Path file = dir.resolve("audit." + format.label());
        AuditExports.write(export, format, file);
        return file;
    }

    @Test
    void aJsonExportVerifiesOnItsOwn() throws IOException {
        List<AuditEntry> entries = entries(8);
        Path file = export(AuditExport.of(entries, NOW), ExportFormat.JSON);
        assertEquals(new ChainVerdict.Intact(8, entries.getLast().hash()), ExportVerification.verify(file));
        JsonNode json = JsonExport.MAPPER.readTree(file.toFile());
        assertEquals(8, json.path("count").asInt());
        assertEquals(entries.getLast().hash(), json.path("head").path("hash").asString());
        assertEquals("waiver-audit-1", json.path("chain").path("encoding").asString());
        assertTrue(Files.readString(file).endsWith("}\n"));
        assertEquals(List.of(), List.of(dir.toFile().list()).stream().filter(n -> n.endsWith(".tmp")).toList());
    }

    @Test
    void anEmptyExportIsIntact() throws IOException {
        Path file = export(AuditExport.of(List.of(), NOW), ExportFormat.JSON);
        assertEquals(new ChainVerdict.Intact(0, AuditChain.GENESIS_HASH), ExportVerification.verify(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"time", "actor", "action", "exemptionId", "context", "comment", "before", "after",
        "previousHash", "hash"})
    void editingAnyFieldOfAnExportedEntryNamesIt(String field) throws IOException {
        Path file = export(AuditExport.of(entries(8), NOW), ExportFormat.JSON);
        edit(file, json -> {
            ObjectNode entry = (ObjectNode) json.path("entries").get(4);
            String value = entry.path(field).asString();
            entry.put(field, switch (field) {
                case "time" -> "2026-01-01T00:00:00.000000000Z";
                case "action" -> value.equals("REVOKE") ? "APPROVE" : "REVOKE";
                case "previousHash", "hash" -> (value.charAt(0) == 'a' ? "b" : "a") + value.substring(1);
                default -> value + " (edited)";
            });
        });
        var verdict = assertInstanceOf(ChainVerdict.Altered.class, ExportVerification.verify(file));
        assertEquals(5, verdict.firstBadSeq(), verdict.describe());
    }

    @Test
    void removedAddedAndMalformedEntriesAreNamed() throws IOException {
        List<AuditEntry> entries = entries(8);
        Path file = export(AuditExport.of(entries, NOW), ExportFormat.JSON);
        byte[] original = Files.readAllBytes(file);

        edit(file, json -> ((ArrayNode) json.path("entries")).remove(2));
        assertEquals(new ChainVerdict.Altered(3, Flaw.MISSING_ENTRY, "missing: entry 2 is followed by entry 4"),
                ExportVerification.verify(file));

        Files.write(file, original);
        edit(file, json -> ((ArrayNode) json.path("entries")).remove(7));
        assertEquals(new ChainVerdict.Truncated(7, entries.get(6).hash(), AuditHead.of(entries.getLast())),
                ExportVerification.verify(file));

        Files.write(file, original);
        AuditEntry extra = new AuditChain().link(AuditHead.of(entries.getLast()), entries.get(3).record());
        edit(file, json -> ((ArrayNode) json.path("entries")).addPOJO(Map.of("seq", 9, "time", "2026-11-23T12:00:00.000000000Z",
                "actor", "alice@example.com", "action", extra.record().action().name(), "exemptionId", extra.record().exemptionId(),
                "context", "prod", "comment", extra.record().comment(), "before", extra.record().before(), "after",
                extra.record().after(), "previousHash", extra.previousHash())));
        assertEquals(9, ((ChainVerdict.Altered) ExportVerification.verify(file)).firstBadSeq());

        Files.write(file, original);
        edit(file, json -> ((ObjectNode) json.path("entries").get(5)).put("time", "the sixth of never"));
        assertEquals(new ChainVerdict.Altered(6, Flaw.UNREADABLE, "a field is missing or malformed"),
                ExportVerification.verify(file));

        Files.write(file, original);
        edit(file, json -> ((ObjectNode) json).put("count", 7));
        assertEquals(Flaw.HEAD_MISMATCH, ((ChainVerdict.Altered) ExportVerification.verify(file)).flaw());
    }

    @Test
    void somethingThatIsNotAnExportIsOneSentence() throws IOException {
        Path notJson = Files.writeString(dir.resolve("notes.json"), "these are notes");
        assertTrue(assertThrows(AuditLogException.class, () -> ExportVerification.verify(notJson)).getMessage()
                .startsWith(notJson + " is not a Waiver audit export: it is not valid JSON"));
        Path other = Files.writeString(dir.resolve("other.json"), "{\"entries\": []}");
        assertEquals(other + " is not a Waiver audit export: it does not say \"format\": \"waiver-audit-export\"",
                assertThrows(AuditLogException.class, () -> ExportVerification.verify(other)).getMessage());
        assertEquals(dir.resolve("missing.json") + ": no such file", assertThrows(AuditLogException.class,
                () -> ExportVerification.verify(dir.resolve("missing.json"))).getMessage());
    }

    @Test
    void csvIsRfc4180WithAClosingHeadRow() throws IOException {
        List<AuditEntry> entries = entries(3);
        String csv = Files.readString(export(AuditExport.of(entries, NOW), ExportFormat.CSV));
        List<List<String>> rows = Rfc4180.parse(csv);
        assertEquals(List.of(CsvExport.HEADER.split(",")), rows.getFirst());
        assertEquals(5, rows.size());
        AuditEntry second = entries.get(1);
        assertEquals(List.of("2", "2026-11-23T11:00:00.000000000Z", "alice@example.com", second.record().action().name(),
                "payments/ex-2", "prod", second.record().comment(), second.record().before(), second.record().after(),
                second.previousHash(), second.hash()), rows.get(2));
        assertEquals(List.of("head", "2026-11-23T12:00:00.000000000Z", "", "", "", "", "3 entries", "", "", "",
                entries.getLast().hash()), rows.get(4));
        assertTrue(csv.endsWith("\r\n"));
        assertEquals("plain", CsvExport.quote("plain"));
        assertEquals("\"a,b\"", CsvExport.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.quote("say \"hi\""));
    }

    @Test
    void theHtmlReportIsSelfContainedAndEscaped() throws IOException {
        List<AuditEntry> entries = entries(4);
        String html = Files.readString(export(AuditExport.of(entries, NOW), ExportFormat.HTML));
        assertTrue(html.contains("<code class=\"hash\" id=\"head-hash\">" + entries.getLast().hash() + "</code>"));
        assertTrue(html.contains("<dt>Entries</dt><dd>4</dd>"));
        assertTrue(html.contains("&lt;script&gt;alert(3)&lt;/script&gt; &amp; more"));
        assertFalse(html.contains("<script"), "log content became markup");
        for (String external : List.of("src=", "href=", "@import", "url(", "http://", "https://")) {
            assertFalse(html.contains(external), external);
        }
        assertTrue(html.contains("<td>alice@example.com</td>"));
        assertTrue(html.contains("2026-11-23 12:00:00 UTC"));
    }

    @Test
    void furtherSectionsAppearInJsonAndHtml() throws IOException {
        ExportSection register = new ExportSection() {
            public String key() {
                return "register";
            }

            public String title() {
                return "Exception register";
            }

            public Object json() {
                return List.of(Map.of("name", "ex-1", "status", "active"));
            }

            public List<ExportTable> tables() {
                return List.of(new ExportTable("register", List.of("Name", "Status"), List.of(List.of("ex-1 <b>", "active"))));
            }

            public String html() {
                return Html.table(List.of("Name", "Status"), List.of(List.of("ex-1 <b>", "active")));
            }
        };
        AuditExport export = AuditExport.of(entries(2), NOW).with(register);
        JsonNode json = JsonExport.MAPPER.readTree(export(export, ExportFormat.JSON).toFile());
        assertEquals("active", json.path("sections").path("register").get(0).path("status").asString());
        String html = Files.readString(export(export, ExportFormat.HTML));
        assertTrue(html.contains("<section id=\"register\"><h2>Exception register</h2>"));
        assertTrue(html.contains("<td>ex-1 &lt;b&gt;</td>"));
        assertTrue(html.indexOf("id=\"register\"") < html.indexOf("id=\"decisions\""), "the state first, the long history last");
        assertEquals(new ChainVerdict.Intact(2, export.head().hash()), ExportVerification.verify(dir.resolve("audit.json")),
                "sections are no part of the chain");
    }

    @Test
    void aCsvExportWritesEachSectionTableBesideTheEntries() throws IOException {
        var table = new ExportTable("in-force", List.of("Day (UTC)", "In force"), List.of(List.of("2026-11-23", "3")));
        ExportSection metrics = new MetricsSection(dev.waiver.engine.review.ReviewMetrics.of(List.of(), NOW));
        List<Path> written = AuditExports.write(AuditExport.of(entries(1), NOW).with(metrics), ExportFormat.CSV,
                dir.resolve("Audit.CSV"));
        assertEquals(List.of(dir.resolve("Audit.CSV"), dir.resolve("Audit-metrics.csv"), dir.resolve("Audit-in-force.csv")),
                written);
        assertEquals(dir.resolve("report-in-force.csv"), AuditExports.tableFile(dir.resolve("report"), table));
        List<List<String>> measures = Rfc4180.parse(Files.readString(dir.resolve("Audit-metrics.csv")));
        assertEquals(List.of("Measure", "Value", "Target", "Verdict"), measures.getFirst());
        assertEquals(List.of("average duration", "n/a", "< 14 days", "on target"), measures.get(2));
        assertEquals(List.of(List.of("Day (UTC)", "In force")), Rfc4180.parse(Files.readString(dir.resolve("Audit-in-force.csv"))));
        assertEquals(List.of(), List.of(dir.toFile().list()).stream().filter(n -> n.endsWith(".tmp")).toList());
    }

    @Test
    void csvCellsASpreadsheetWouldRunAsFormulasStartWithAQuote() throws IOException {
        for (String hostile : List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3",
                "@SUM(A1:A9)", "\tindented", "\rreturn")) {
            assertEquals("'" + hostile, CsvExport.neutralise(hostile));
        }
        for (String harmless : List.of("", "plain", "a=b", " =lead space", "'quoted")) {
            assertEquals(harmless, CsvExport.neutralise(harmless));
        }
        var chain = new AuditChain();
        AuditEntry entry = chain.link(AuditHead.GENESIS, new AuditRecord(NOW, "@attacker", AuditAction.REQUEST, "R-1", "",
                "=HYPERLINK(\"http://evil.example\",\"why\")", "", "kind: PolicyException\n"));
        var table = new ExportTable("register", List.of("Justification"), List.of(List.of("-cmd"), List.of("fine")));
        ExportSection section = new ExportSection() {
            public String key() {
                return "register";
            }

            public String title() {
                return "Register";
            }

            public Object json() {
                return List.of();
            }

            public List<ExportTable> tables() {
                return List.of(table);
            }

            public String html() {
                return "";
            }
        };
        AuditExports.write(AuditExport.of(List.of(entry), NOW).with(section), ExportFormat.CSV, dir.resolve("audit.csv"));
        List<String> row = Rfc4180.parse(Files.readString(dir.resolve("audit.csv"))).get(1);
        assertEquals("'@attacker", row.get(2));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"why\")", row.get(6));
        assertEquals(List.of(List.of("Justification"), List.of("'-cmd"), List.of("fine")),
                Rfc4180.parse(Files.readString(dir.resolve("audit-register.csv"))));
    }

    private static void edit(Path file, java.util.function.Consumer<JsonNode> change) throws IOException {
        JsonNode json = JsonExport.MAPPER.readTree(file.toFile());
        change.accept(json);
        Files.writeString(file, JsonExport.MAPPER.writeValueAsString(json));
    }
}
