package dev.waiver.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `waiver evaluate` with a grace period set for a policy: each new failure under it becomes a
/// temporary exception waiting for review, once; without a grace period the data folder is not touched.
class GracePeriodDraftsTest {

    private static final String NOW = "--now=2026-06-01T00:00:00Z";

    @TempDir
    Path dir;
    Path home;
    Path policy;
    Path resources;

    @BeforeEach
    void copyCase() throws IOException {
        TestCommandTest.copyCase("cli-exceptions-1", dir.resolve("case"));
        policy = dir.resolve("case/policy.yaml");
        resources = dir.resolve("case/resources.yaml");
        home = Files.createDirectories(dir.resolve("home"));
    }

    private CliRun evaluate() {
        return CliRun.of("evaluate", NOW, "--home", home.toString(), "-p", policy.toString(), "-r", resources.toString(),
                "-o", "json");
    }

    @Test
    void withoutAGracePeriodTheDataFolderIsNotTouched() throws IOException {
        CliRun r = evaluate();

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("temporary exception");
        try (var files = Files.list(home)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aNewFailureUnderAGracePolicyIsDraftedOnceForReview() throws IOException {
        Files.writeString(home.resolve("settings.properties"), "review.grace-days.disallow-host-namespaces=5\n");

        CliRun first = evaluate();
        assertThat(first.code()).as(first.toString()).isEqualTo(1);
        assertThat(first.out()).startsWith("[");
        assertThat(first.err()).contains("temporary exception").contains("bad-deployment").contains("5-day grace period");

        CliRun list = CliRun.of("exceptions", "list", NOW, "--home", home.toString(), "--dir", policy.toString(),
                "--status", "in-review", "-o", "json");
        assertThat(list.out()).contains("disallow-host-namespaces").contains("waiver (grace period)");

        long drafted = drafts();
        assertThat(drafted).as("one per failing resource: bad-deployment and the unexcepted important-tool").isEqualTo(2);
        CliRun again = evaluate();
        assertThat(again.err()).as("a failure already in front of the reviewers is not drafted twice")
                .doesNotContain("temporary exception");
        assertThat(drafts()).isEqualTo(drafted);
    }

    private long drafts() {
        CliRun log = CliRun.of("audit", "log", "--home", home.toString(), "--action", "draft");
        return log.out().lines().filter(l -> l.contains("waiver (grace period)")).count();
    }
}
