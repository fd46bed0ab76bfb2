package dev.waiver.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// `waiver settings list | set | unset` over a real data folder: a change is an audit entry and takes effect
/// for the workflow; a bad key or value is one line, exit 2, and touches neither the file nor the log.
class SettingsCommandTest {

    static final String NOW = "2026-11-23T12:00:00Z";

    @TempDir
    Path home;

    CliRun run(String... args) {
        var all = new ArrayList<>(List.of("--home", home.toString(), "--now", NOW));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    CliRun request(int days) {
        return run("request", "--policy", "p", "--namespace", "ns", "--reason", "r", "--days", Integer.toString(days), "--as", "dana");
    }

    List<AuditEntry> entries() {
        try (SqliteAuditLog log = SqliteAuditLog.openExisting(home).orElseThrow()) {
            return log.entries();
        }
    }

    /// Two reviewers changing the same setting at the same moment: each change is recorded with the value
    /// it really replaced, so the log's "before" of every change is the "after" of the one before it.
    @Test
    void changesAtTheSameTimeTakeTurnsSoTheLogTellsWhatEachReplaced() throws Exception {
        var threads = new ArrayList<Thread>();
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        for (String who : List.of("ana", "ben")) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 1; i <= 12; i++) {
                    String days = Integer.toString(who.equals("ana") ? i : 20 + i);
                    CliRun set = run("settings", "set", "review.max-days", days, "--as", who);
                    if (set.code() != 0) {
                        failures.add(set.toString());
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        List<AuditRecord> changes = entries().stream().map(AuditEntry::record)
                .filter(r -> r.action() == AuditAction.SETTING).toList();
        assertThat(changes).hasSize(24);
        assertThat(changes.getFirst().before()).isEmpty();
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i).before()).as("change %d's value before", i).isEqualTo(changes.get(i - 1).after());
        }
        assertThat(Files.readString(home.resolve("settings.properties")))
                .contains("review.max-days=" + changes.getLast().after().replaceAll("\\D", ""));
    }

    /// The same from two processes, as two terminals would: the lock beside `settings.properties` makes
    /// them take turns too.
    @Test
    void changesFromTwoProcessesTakeTurnsToo() throws Exception {
        String launcher = ProcessHandle.current().info().command().orElse("java");
        var children = new ArrayList<Process>();
        for (String[] who : List.of(new String[] {"ana", "1"}, new String[] {"ben", "21"})) {
            children.add(new ProcessBuilder(launcher, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), SettingsChangeChild.class.getName(), home.toString(),
                    who[0], who[1]).redirectErrorStream(true).redirectOutput(home.resolve(who[0] + ".log").toFile()).start());
        }
        for (Process child : children) {
            assertThat(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(home.resolve("ana.log")) + Files.readString(home.resolve("ben.log")))
                    .isZero();
        }
        List<AuditRecord> changes = entries().stream().map(AuditEntry::record)
                .filter(r -> r.action() == AuditAction.SETTING).toList();
        assertThat(changes).hasSize(24);
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i).before()).as("change %d's value before", i).isEqualTo(changes.get(i - 1).after());
        }
    }

    @Test
    void aChangeIsRecordedWithWhoBeforeAndAfterAndTakesEffect() throws Exception {
        assertThat(request(20).code()).isZero();
        CliRun set = run("settings", "set", "review.max-days", "07", "--as", "ciso@example.com");
        assertThat(set.code()).as(set.toString()).isZero();
        assertThat(set.out().strip()).isEqualTo("review.max-days: 30 (default) to 7 (audit entry 2)");
        assertThat(Files.readString(home.resolve("settings.properties"))).contains("review.max-days=7");

        AuditRecord change = entries().getLast().record();
        assertThat(change.action()).isEqualTo(AuditAction.SETTING);
        assertThat(change.actor()).isEqualTo("ciso@example.com");
        assertThat(change.exemptionId()).isEmpty();
        assertThat(change.before()).isEmpty();
        assertThat(change.after()).isEqualTo("review.max-days: \"7\"\n");
        assertThat(change.comment()).isEqualTo("review.max-days set: 30 (default) to 7");

        CliRun tooLong = request(10);
        assertThat(tooLong.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(tooLong.err()).contains("over-maximum").contains("the maximum is 7 days");
        assertThat(request(5).code()).isZero();

        CliRun log = run("audit", "log", "--action", "setting");
        assertThat(log.code()).isZero();
        assertThat(log.out()).contains("ciso@example.com  setting  -          -        review.max-days set: 30 (default) to 7")
                .contains("1 entry");
        assertThat(run("exceptions", "list", "--dir", home.resolve("none").toString()).code())
                .as("a missing folder is still bad input").isEqualTo(ExitCodes.BAD_INPUT);
        JsonNode metrics = new JsonMapper().readTree(run("metrics", "-o", "json").out());
        assertThat(metrics.path("approved").asInt()).as("setting entries are no exceptions").isZero();

        CliRun unset = run("settings", "unset", "review.max-days", "--as", "ciso@example.com");
        assertThat(unset.out().strip()).isEqualTo("review.max-days: 7 to 30 (default) (audit entry 4)");
        assertThat(entries().getLast().record().before()).isEqualTo("review.max-days: \"7\"\n");
        assertThat(entries().getLast().record().after()).isEmpty();
        assertThat(request(10).code()).isZero();
    }

    @Test
    void settingTheValueInPlaceRecordsNothing() {
        assertThat(run("settings", "set", "review.approvals", "2", "--as", "a").code()).isZero();
        CliRun again = run("settings", "set", "review.approvals", "2", "--as", "a");
        assertThat(again.code()).isZero();
        assertThat(again.out().strip()).isEqualTo("review.approvals is already 2; nothing changed");
        assertThat(entries()).hasSize(1);
    }

    @Test
    void aBadKeyOrValueIsOneLineAndTouchesNothing() throws Exception {
        for (List<String> bad : List.of(List.of("set", "review.max-dayz", "7"), List.of("set", "review.max-days", "0"),
                List.of("set", "review.max-days", "two weeks"), List.of("set", "review.approvals", "1.5"),
                List.of("set", "review.grace-days.Not_A_Policy", "3"), List.of("set", "review.auto-apply", "p1,,p2"),
                List.of("set", "window.width", "800"), List.of("unset", "workspace"))) {
            var args = new ArrayList<>(List.of("settings"));
            args.addAll(bad);
            args.addAll(List.of("--as", "mallory"));
            CliRun run = run(args.toArray(String[]::new));
            assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err().lines()).as(run.toString()).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
        try (var files = Files.list(home)) {
            assertThat(files).as("neither a settings file nor a log was created").isEmpty();
        }

        assertThat(run("settings", "set", "review.grace-days.disallow-latest-tag", "3", "--as", "a").code()).isZero();
        byte[] file = Files.readAllBytes(home.resolve("settings.properties"));
        byte[] log = Files.readAllBytes(home.resolve("audit.db"));
        CliRun unknown = run("settings", "set", "review.maxdays", "7", "--as", "mallory");
        assertThat(unknown.err().strip()).isEqualTo("unknown setting 'review.maxdays'; the review settings are review.approvals,"
                + " review.max-days, review.reminder-days, review.grace-days.<policy>, review.auto-apply");
        CliRun value = run("settings", "set", "review.grace-days.disallow-latest-tag", "-1", "--as", "mallory");
        assertThat(value.err().strip()).isEqualTo("review.grace-days.disallow-latest-tag must be a whole number of days, 1 or more, not '-1'");
        assertThat(Files.readAllBytes(home.resolve("settings.properties"))).isEqualTo(file);
        assertThat(Files.readAllBytes(home.resolve("audit.db"))).isEqualTo(log);
        assertThat(entries()).hasSize(1);
    }

    @Test
    void listShowsEveryReviewSettingWithItsValueInEffect() throws Exception {
        Files.writeString(home.resolve("settings.properties"), "review.reminder-days=soon\nwindow.width=800\n");
        assertThat(run("settings", "set", "review.auto-apply", " disallow-latest-tag, require-labels ", "--as", "a").code()).isZero();
        CliRun list = run("settings", "list", "-o", "json");
        assertThat(list.code()).as(list.toString()).isZero();
        JsonNode json = new JsonMapper().readTree(list.out());
        assertThat(json.valueStream().map(s -> s.path("key").asString()))
                .containsExactly("review.approvals", "review.max-days", "review.reminder-days", "review.auto-apply");
        assertThat(json.get(1).path("value").asString()).isEqualTo("30");
        assertThat(json.get(1).path("origin").asString()).isEqualTo("default");
        assertThat(json.get(2).path("value").asString()).isEqualTo("7");
        assertThat(json.get(2).path("origin").asString()).isEqualTo("default ('soon' in the file is not valid)");
        assertThat(json.get(3).path("value").asString()).isEqualTo("disallow-latest-tag,require-labels");
        assertThat(json.get(3).path("origin").asString()).isEqualTo("set");
        assertThat(Files.readString(home.resolve("settings.properties"))).contains("window.width=800");

        CliRun table = run("settings", "list");
        assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("KEY").contains("VALUE").contains("ORIGIN");
        assertThat(table.out()).contains("review.auto-apply     disallow-latest-tag,require-labels  set");
    }
}
