package dev.waiver.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.engine.exemption.FindingCode;
import dev.waiver.engine.review.ReviewCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// What an approval would hide: the workspace evaluated with and without the request, and its lint.
class ReviewBlastRadiusTest {

    @TempDir
    Path folder;

    @Test
    void namesTheFailedChecksOnlyThisExceptionWouldSkip() throws Exception {
        var desk = new ReviewDesk(folder);
        Files.writeString(folder.resolve("more-pods.yaml"), ReviewDesk.privilegedPod("payments", "vendor-db-0")
                + "---\n" + ReviewDesk.privilegedPod("payments", "checkout-api-1")
                + "---\n" + ReviewDesk.privilegedPod("search", "vendor-indexer"));
        // vendor-db-0 is already exempted by an active exception: approving adds nothing for it.
        Files.writeString(folder.resolve("existing.yaml"), """
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata: {name: db, namespace: payments}
                spec:
                  exceptions: [{policyName: disallow-privileged-containers, ruleNames: [privileged-containers]}]
                  match: {any: [{resources: {kinds: [Pod], namespaces: [payments], names: [vendor-db-*]}}]}
                """);
        desk.reload();
        String id = desk.request("dana", "payments", 10);
        ReviewCase c = desk.service.find(id).orElseThrow();

        var radius = new WorkspaceBlastRadius(desk.workspace, desk.clock);
        assertThat(radius.wouldSkip(c.exemption())).containsExactly(
                "Pod payments/vendor-api-1: disallow-privileged-containers / privileged-containers");

        assertThat(new WorkspaceBlastRadius(new SimpleObjectProperty<>(), desk.clock).wouldSkip(c.exemption())).isEmpty();
    }

    @Test
    void theApprovalShowsLintAndTheBlastRadius() throws Exception {
        var desk = new ReviewDesk(folder);
        var wide = new dev.waiver.engine.review.RequestForm("disallow-privileged-containers", java.util.List.of("*"),
                java.util.List.of("team-*"), java.util.List.of("Pod"), java.util.List.of(), "load tests",
                Optional.empty(), Optional.empty(), desk.clock.instant().plus(Duration.ofDays(3)), "dana", Optional.empty());
        String id = ((ReviewResult.Recorded) desk.service.request(wide, Optional.empty())).after().id();

        var approval = new ApprovalViewModel(desk.service.find(id).orElseThrow(), desk.workspace.get(), desk.clock);
        assertThat(approval.findings()).extracting(f -> f.code()).contains(FindingCode.WILDCARD_NAMESPACE,
                FindingCode.NO_NAMES, FindingCode.NO_TICKET, FindingCode.EXPIRING_SOON);
        approval.evaluate(e -> java.util.List.of("Pod team-a/x: p / r", "Pod team-b/y: p / r"), desk.runner);
        assertThat(approval.blastSummaryProperty().get()).isEqualTo("2 failed checks would become Skips now:");
        assertThat(approval.evaluatingProperty().get()).isFalse();
        approval.evaluate(e -> {
            throw new IllegalStateException("policy does not compile");
        }, desk.runner);
        assertThat(approval.blastSummaryProperty().get()).isEqualTo("Cannot evaluate the workspace: policy does not compile");
    }
}
