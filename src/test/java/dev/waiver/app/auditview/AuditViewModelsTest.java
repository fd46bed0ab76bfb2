package dev.waiver.app.auditview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.audit.AuditFixtures;
import dev.waiver.app.export.ExportFormat;
import dev.waiver.app.review.MutableClock;
import dev.waiver.app.review.ReviewAccess;
import dev.waiver.app.review.ReviewResult;
import dev.waiver.app.ui.DialogService;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditHead;
import dev.waiver.engine.audit.AuditQuery;
import dev.waiver.engine.audit.ChainVerdict;
import dev.waiver.engine.review.RequestForm;
import dev.waiver.engine.review.ReviewMetrics;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.PolicyCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The Audit screen's ViewModels over a real audit log in a temporary data folder, without a display: the
/// ImmediateRunner runs each background task at once.
class AuditViewModelsTest {

    @TempDir
    Path home;

    @TempDir
    Path out;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final ImmediateRunner runner = new ImmediateRunner();
    private final List<String> asked = new ArrayList<>();
    private ReviewAccess access;

    @BeforeEach
    void open() {
        access = ReviewAccess.of(home, clock);
    }

    @AfterEach
    void close() {
        access.close();
    }

    private String request(String requestor) throws Exception {
        var form = new RequestForm("disallow-privileged-containers", List.of("privileged-containers"), List.of("payments"),
                List.of("Pod"), List.of("vendor-*"), "vendor agent", Optional.empty(), Optional.empty(),
                clock.instant().plus(Duration.ofDays(10)), requestor, Optional.empty());
        return ((ReviewResult.Recorded) access.service().request(form, Optional.empty())).after().id();
    }

    private AuditLogViewModel log(Selection<AuditEntry> selection) {
        return new AuditLogViewModel(access, runner, selection);
    }

    // ---- log

    @Test
    void aDataFolderWithoutALogShowsNoEntriesAndCreatesNone() {
        var log = log(new Selection<>());
        log.refresh();
        assertThat(log.rows()).isEmpty();
        assertThat(log.unavailableProperty().get()).isEmpty();
        assertThat(log.summaryProperty().get()).isEqualTo("0 entries");
        log.verify();
        assertThat(log.verdictProperty().get()).isEqualTo("Chain intact: 0 entries, head 000000000000…");
        assertThat(home.resolve("audit.db")).doesNotExist();
    }

    @Test
    void entriesAreNewestFirstFilteredByTheQueryTheFiltersStandForAndTheSelectionIsKept() throws Exception {
        String first = request("dana");
        clock.advance(Duration.ofDays(1));
        String second = request("bob");
        access.service().approve(first, "sam", "ok", Optional.empty());
        var selection = new Selection<AuditEntry>();
        var log = log(selection);
        log.refresh();
        assertThat(log.rows()).extracting(AuditRow::seq).containsExactly("3", "2", "1");
        assertThat(log.actors()).containsExactly("bob", "dana", "sam");
        assertThat(log.exemptionIds()).containsExactlyInAnyOrder(first, second);

        log.selectedRowProperty().set(log.rows().get(2));
        assertThat(selection.get()).map(AuditEntry::seq).contains(1L);
        log.actionProperty().set(AuditAction.REQUEST);
        log.fromProperty().set(LocalDate.parse("2026-11-24"));
        assertThat(log.rows()).extracting(AuditRow::actor).containsExactly("bob");
        assertThat(log.summaryProperty().get()).isEqualTo("1 of 3 entries");
        assertThat(selection.get()).as("entry 1 is filtered out").isEmpty();

        log.clearFilters();
        log.selectedRowProperty().set(log.rows().getFirst());
        access.service().reject(second, "sam", "no ticket");
        log.refresh();
        assertThat(log.rows()).hasSize(4);
        assertThat(log.selectedRowProperty().get().seq()).isEqualTo("3");
    }

    @Test
    void theFiltersMapOntoTheAuditQuery() {
        assertThat(AuditFilter.NONE.query()).isEqualTo(AuditQuery.all());
        assertThat(new AuditFilter(" sam ", AuditAction.APPROVE, "", null, null).query())
                .isEqualTo(AuditQuery.all().withActor("sam").withAction(AuditAction.APPROVE));
        // Whole days in UTC: from the start of `from` up to the end of `to`, as the command line reads dates.
        assertThat(new AuditFilter("", null, "R-1", LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23")).query())
                .isEqualTo(AuditQuery.all().withExemptionId("R-1").withSince(Instant.parse("2026-11-23T00:00:00Z"))
                        .withUntil(Instant.parse("2026-11-24T00:00:00Z")));
        assertThat(new AuditFilter(null, null, " ", null, null).isEmpty()).isTrue();
    }

    @Test
    void verifyNamesTheAlteredEntryAndSelectsIt() throws Exception {
        request("dana");
        request("bob");
        var log = log(new Selection<>());
        log.refresh();
        log.verify();
        assertThat(log.verifyStateProperty().get()).isEqualTo(AuditLogViewModel.VerifyState.INTACT);
        assertThat(log.alteredSeqProperty().get()).isEqualTo(-1);

        AuditFixtures.tamper(home, "UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1");
        log.verify();
        assertThat(log.verifyStateProperty().get()).isEqualTo(AuditLogViewModel.VerifyState.PROBLEM);
        assertThat(log.verdictProperty().get()).isEqualTo("Entry #1 was altered (its content does not match its hash:"
                + " a field or the hash was changed)");
        assertThat(log.alteredSeqProperty().get()).isEqualTo(1);
        assertThat(log.selectedRowProperty().get().actor()).isEqualTo("mallory");
    }

    @Test
    void everyVerdictInWords() {
        String hash = "ab".repeat(32);
        assertThat(VerdictText.of(new ChainVerdict.Intact(1, hash)))
                .isEqualTo(new VerdictText("Chain intact: 1 entry, head abababababab…", false));
        assertThat(VerdictText.of(new ChainVerdict.Altered(4, ChainVerdict.Flaw.MISSING_ENTRY, "missing: entry 3 is followed by entry 5")))
                .isEqualTo(new VerdictText("Entry #4 was removed (missing: entry 3 is followed by entry 5)", true));
        assertThat(VerdictText.of(new ChainVerdict.Truncated(7, hash, new AuditHead(10, hash))))
                .isEqualTo(new VerdictText("The newest entries were removed (truncated): the log ends at entry 7, but entry 10"
                        + " was recorded", true));
        assertThat(VerdictText.of(new ChainVerdict.HeadLost(1, hash, "audit.db.head is missing")).text())
                .isEqualTo("Head lost: the 1 entry checks out, but audit.db.head is missing, so removal of the newest"
                        + " entries cannot be ruled out");
        assertThat(VerdictText.failed("locked").problem()).isTrue();
    }

    // ---- entry

    @Test
    void theSelectedRequestIsANewObjectAndItsApprovalAddsFields() throws Exception {
        String id = request("dana");
        access.service().approve(id, "sam", "first line\nsecond line", Optional.of("CISO"));
        var selection = new Selection<AuditEntry>();
        var entry = new AuditEntryViewModel(selection);
        var entries = access.stored().orElseThrow().log().entries();

        selection.select(entries.getFirst());
        assertThat(entry.titleProperty().get()).isEqualTo("Entry #1 · request · " + id);
        assertThat(entry.diffSummaryProperty().get()).startsWith("New object: ");
        assertThat(entry.beforeYamlProperty().get()).isEmpty();

        selection.select(entries.get(1));
        assertThat(entry.commentProperty().get()).isEqualTo("first line\nsecond line");
        assertThat(entry.diffSummaryProperty().get()).isEqualTo("3 fields: 3 added");
        entry.changesOnlyProperty().set(true);
        assertThat(entry.fields()).hasSize(3);
        selection.clear();
        assertThat(entry.presentProperty().get()).isFalse();
        assertThat(entry.fields()).isEmpty();
    }

    // ---- metrics

    @Test
    void metricsComeFromTheServiceAndEachTileSaysWhetherItsTargetIsMet() throws Exception {
        var metrics = new AuditMetricsViewModel(access, runner);
        metrics.refresh();
        assertThat(metrics.tiles()).extracting(MetricTile::state).containsOnly(MetricTile.State.NO_DATA);
        assertThat(metrics.trendProperty().get()).startsWith("No exception has been approved yet");

        String id = request("dana");
        clock.advance(Duration.ofDays(1));
        access.service().approve(id, "sam", "ok", Optional.empty());
        clock.advance(Duration.ofDays(1));
        metrics.refresh();
        assertThat(metrics.inForce()).hasSize(2);
        assertThat(metrics.tiles()).isEqualTo(MetricTile.of(access.service().metrics()));
        assertThat(metrics.tiles().get(1).value()).isEqualTo("9.0 days");
        assertThat(metrics.tiles().get(1).state()).isEqualTo(MetricTile.State.MET);
    }

    @Test
    void theTilesOfAProcessOffTarget() {
        var m = new ReviewMetrics(List.of(new ReviewMetrics.DailyCount(LocalDate.parse("2026-10-01"), 1),
                new ReviewMetrics.DailyCount(LocalDate.parse("2026-10-02"), 3)), Optional.of(Duration.ofDays(20)),
                java.util.OptionalDouble.of(0.5), java.util.OptionalDouble.of(0.25), 4, 2, 1, 1, true);
        var tiles = MetricTile.of(m);
        assertThat(tiles).extracting(MetricTile::value).containsExactly("3", "20.0 days", "50%", "25%");
        assertThat(tiles).extracting(MetricTile::state).containsOnly(MetricTile.State.NOT_MET);
        assertThat(tiles.getFirst().detail()).isEqualTo("Red flag: up from 1 over the last 30 days");
        assertThat(AuditMetricsViewModel.trend(m)).isEqualTo("Red flag: the total is growing (3 in force now, 1 on 2026-10-01).");
    }

    // ---- export

    /// The register the window would show: here, the store's requests only.
    private final ObjectProperty<Register> shownRegister = new SimpleObjectProperty<>();

    private AuditExportViewModel export(Optional<Path> chosen) {
        DialogService dialogs = new DialogService() {
            @Override
            public void showError(String title, String message) {
                asked.add("error " + message);
            }

            @Override
            public void showInformation(String title, String message) {
                asked.add("info " + message);
            }

            @Override
            public boolean confirm(String title, String message) {
                return true;
            }

            @Override
            public Optional<Path> chooseSaveFile(String title, Optional<Path> folder, String name) {
                asked.add("save in " + folder.orElseThrow() + " as " + name);
                return chosen;
            }
        };
        return new AuditExportViewModel(access, runner, dialogs, clock, out, shownRegister, new SimpleObjectProperty<>());
    }

    @Test
    void theSuggestedFileFollowsTheFormatAndTheChooserStartsThere() {
        var export = export(Optional.of(out.resolve("mine.csv")));
        export.prepare();
        assertThat(export.destinationProperty().get()).isEqualTo(out.resolve("waiver-audit-2026-11-23.json").toString());
        export.formatProperty().set(ExportFormat.HTML);
        assertThat(export.destinationProperty().get()).isEqualTo(out.resolve("waiver-audit-2026-11-23.html").toString());
        export.chooseDestination();
        assertThat(asked).containsExactly("save in " + out + " as waiver-audit-2026-11-23.html");
        assertThat(export.destinationProperty().get()).isEqualTo(out.resolve("mine.csv").toString());
        assertThat(AuditExportViewModel.withExtension("/x/report.txt", ExportFormat.CSV, ExportFormat.JSON))
                .isEqualTo("/x/report.txt");
    }

    @Test
    void anExportReportsWhereItWroteAndTheHeadAndWarnsWhenTheLogDoesNotVerify() throws Exception {
        request("dana");
        var export = export(Optional.empty());
        export.prepare();
        export.export();
        Path file = out.resolve("waiver-audit-2026-11-23.json");
        assertThat(file).isRegularFile();
        assertThat(export.resultProperty().get()).isEqualTo("Wrote 1 entry as JSON to " + file);
        assertThat(export.headProperty().get()).isEqualTo(access.stored().orElseThrow().log().head().hash());
        assertThat(export.warningProperty().get()).isEmpty();

        String id = request("sam");
        shownRegister.set(Register.assess(access.besides(List.of(), clock.instant()), PolicyCatalog.empty(), clock.instant()));
        export.export();
        assertThat(Files.readString(file)).as("the register the window shows goes with the log")
                .contains("\"register\"").contains(id).contains("\"metrics\"");

        AuditFixtures.tamper(home, "UPDATE audit_entry SET comment = 'edited' WHERE seq = 1");
        export.export();
        assertThat(export.warningProperty().get()).startsWith("The log does not verify: Entry #1 was altered")
                .endsWith("The export was written anyway: it is evidence.");
        assertThat(export.problemProperty().get()).isEmpty();
    }

    @Test
    void aFailedWriteIsOneSentence() throws Exception {
        var export = export(Optional.empty());
        Path missing = out.resolve("gone").resolve("audit.csv");
        export.destinationProperty().set(missing.toString());
        export.export();
        assertThat(export.problemProperty().get())
                .isEqualTo("Could not write " + missing + ": the folder " + missing.getParent() + " does not exist");
        assertThat(export.resultProperty().get()).isEmpty();

        export.destinationProperty().set(out.toString());
        export.export();
        assertThat(export.problemProperty().get()).isEqualTo("Could not write " + out + ": it is a folder; name a file in it");

        assertThat(AuditExportViewModel.describe(Path.of("/r/a.json"), new AccessDeniedException("/r/a.json")))
                .isEqualTo("Could not write /r/a.json: permission denied");
        assertThat(AuditExportViewModel.describe(Path.of("/r/a.json"), new NoSuchFileException("/r/.a.json.1.tmp")))
                .isEqualTo("Could not write /r/a.json: the folder /r does not exist");
        assertThat(Files.list(out)).isEmpty();
    }
}
