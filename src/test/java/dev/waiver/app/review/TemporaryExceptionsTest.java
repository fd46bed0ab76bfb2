package dev.waiver.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.evaluation.ResourceRef;
import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.ReviewSettings;
import dev.waiver.engine.review.TemporaryExceptions;
import dev.waiver.engine.review.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryExceptionsTest {

    @TempDir
    Path gitops;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    final MemoryAuditLog log = new MemoryAuditLog();
    final AtomicInteger ids = new AtomicInteger();

    ReviewService service(Set<String> autoApply) {
        var settings = new ReviewSettings(1, Duration.ofDays(30), Duration.ofDays(7),
                Map.of("require-image-signature", Duration.ofDays(7), "disallow-latest-tag", Duration.ofDays(3)), autoApply);
        return new ReviewService(log, new Workflow(settings), clock, t -> new FolderTarget(Path.of(t.name())),
                () -> "R-" + ids.incrementAndGet());
    }

    static RuleResult fail(String policy, String rule, String kind, String name) {
        return new RuleResult(policy, rule, new ResourceRef("v1", kind, "payments", name), RuleStatus.FAIL, "failed",
                List.of(), Optional.empty());
    }

    final List<RuleResult> results = List.of(
            fail("require-image-signature", "autogen-check-image-signature", "Deployment", "vendor-api"),
            fail("require-image-signature", "check-image-signature", "Pod", "vendor-api-5d9f-x2"),
            fail("require-pod-requests-limits", "validate-resources", "Pod", "batch-1"),
            new RuleResult("disallow-latest-tag", "require-image-tag", new ResourceRef("v1", "Pod", "payments", "web"),
                    RuleStatus.PASS, "", List.of(), Optional.empty()));

    @Test
    void newFailuresUnderGracePoliciesAreDraftedOnceAndWaitForAReviewer() {
        var service = service(Set.of());
        var drafts = TemporaryExceptions.drafts(results, service.workflow().settings(), service.cases(), clock.instant());
        assertThat(drafts).hasSize(2).allSatisfy(d -> assertThat(d.policy()).isEqualTo("require-image-signature"));
        assertThat(drafts.getFirst().expires()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(drafts.getFirst().names()).containsExactly("vendor-api", "vendor-api-*");

        service.draftTemporary(drafts, Optional.empty());
        assertThat(service.cases()).allSatisfy(c -> assertThat(c.statusAt(clock.instant())).isEqualTo(ExemptionStatus.IN_REVIEW));
        assertThat(log.entries()).extracting(e -> e.record().action()).containsOnly(AuditAction.DRAFT);
        assertThat(TemporaryExceptions.drafts(results, service.workflow().settings(), service.cases(), clock.instant()))
                .isEmpty();
    }

    @Test
    void autoApplyPoliciesAreApprovedAndAppliedWithoutAReviewer() {
        var service = service(Set.of("require-image-signature"));
        var drafts = TemporaryExceptions.drafts(results.subList(0, 1), service.workflow().settings(), List.of(), clock.instant());
        service.draftTemporary(drafts, Optional.of(ReviewCase.Target.folder(gitops.toString())));
        var only = service.cases().getFirst();
        assertThat(only.statusAt(clock.instant())).isEqualTo(ExemptionStatus.ACTIVE);
        assertThat(only.appliedTo()).isPresent();
        assertThat(log.entries()).extracting(e -> e.record().action())
                .containsExactly(AuditAction.DRAFT, AuditAction.APPROVE, AuditAction.APPLY);
    }
}
