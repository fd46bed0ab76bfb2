package dev.waiver.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The whole lifecycle from the command line, over a real audit log in a temporary data folder.
class WorkflowCommandsTest {

    @TempDir
    Path home;

    @TempDir
    Path gitops;

    static final String DAY0 = "2026-11-23T12:00:00Z";
    static final String DAY5 = "2026-11-28T12:00:00Z";
    static final String DAY11 = "2026-12-04T12:00:00Z";

    CliRun run(String now, String... args) {
        var all = new ArrayList<>(List.of("--home", home.toString(), "--now", now));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    String request(int days) {
        var run = run(DAY0, "request", "--policy", "require-image-signature", "--rule", "check-image-signature",
                "--namespace", "payments", "--name", "vendor-*", "--reason", "vendor image unsigned, risk assessed",
                "--ticket", "SEC-12", "--days", Integer.toString(days), "--as", "dana");
        assertThat(run.code()).as(run.toString()).isZero();
        String[] lines = run.out().strip().split("\n");
        return lines[lines.length - 1];
    }

    String listed(String now) {
        var run = run(now, "exceptions", "list", "--dir", gitops.toString(), "-o", "json");
        assertThat(run.code()).as(run.toString()).isZero();
        return run.out();
    }

    @Test
    void requestApproveApplyExpireRemove() throws Exception {
        String id = request(10);
        assertThat(id).matches("R-[0-9a-f]{8}");
        assertThat(listed(DAY0)).contains("\"status\" : \"In Review\"").contains("\"id\" : \"" + id + "\"");

        var self = run(DAY0, "approve", id, "--as", "dana");
        assertThat(self.code()).as(self.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(self.err()).contains("self-approval");

        assertThat(run(DAY0, "apply", id, "--dir", gitops.toString(), "--as", "ops").code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run(DAY0, "approve", id, "--as", "sam", "--comment", "ticket checked", "--risk-acceptance", "CISO").code())
                .isZero();
        var apply = run(DAY0, "apply", id, "--dir", gitops.toString(), "--as", "ops");
        assertThat(apply.code()).as(apply.toString()).isZero();
        try (var files = Files.list(gitops)) {
            assertThat(files).hasSize(1);
        }
        assertThat(listed(DAY5)).contains("\"status\" : \"Active\"").contains("expiring-soon");
        assertThat(listed(DAY11)).contains("\"status\" : \"Expired\"").contains("expired-present");

        var remove = run(DAY11, "remove", id, "--as", "ops");
        assertThat(remove.code()).as(remove.toString()).isZero();
        try (var files = Files.list(gitops)) {
            assertThat(files).isEmpty();
        }
        var again = run(DAY11, "remove", id, "--as", "ops");
        assertThat(again.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(again.err()).contains("wrong-state").contains("already removed");
    }

    @Test
    void renewThenRevoke() {
        String id = request(5);
        run(DAY0, "approve", id, "--as", "sam");
        run(DAY0, "apply", id, "--dir", gitops.toString(), "--as", "ops");
        var renew = run(DAY5, "renew", id, "--days", "7", "--reason", "fix slipped a sprint", "--as", "sam");
        assertThat(renew.code()).as(renew.toString()).isZero();
        assertThat(listed(DAY5)).contains("\"status\" : \"Active\"");
        var revoke = run(DAY5, "revoke", id, "--comment", "fixed upstream", "--as", "sam");
        assertThat(revoke.code()).as(revoke.toString()).isZero();
        assertThat(listed(DAY5)).contains("\"status\" : \"Revoked\"");
    }

    @Test
    void refusalsExitFourAndNameTheRule() {
        var tooLong = run(DAY0, "request", "--policy", "p", "--namespace", "ns", "--reason", "r", "--days", "45", "--as", "dana");
        assertThat(tooLong.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(tooLong.err()).contains("over-maximum").contains("30 days");
        var unknown = run(DAY0, "reject", "R-00000000", "--comment", "no", "--as", "sam");
        assertThat(unknown.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unknown.err()).contains("unknown-id");
    }

    @Test
    void aRejectedRequestIsListedFromTheStore() {
        String id = request(5);
        assertThat(run(DAY0, "reject", id, "--comment", "match is too broad", "--as", "sam").code()).isZero();
        assertThat(listed(DAY0)).contains("\"status\" : \"Rejected\"");
    }

    @Test
    void theMaximumDurationComesFromTheSettings() throws Exception {
        Files.writeString(home.resolve("settings.properties"), "review.max-days=60\n");
        var run = run(DAY0, "request", "--policy", "p", "--namespace", "ns", "--reason", "r", "--days", "45", "--as", "dana");
        assertThat(run.code()).as(run.toString()).isZero();
    }
}
