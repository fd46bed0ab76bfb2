package dev.waiver.engine.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.PolicySummary;
import dev.waiver.engine.exemption.RuleSummary;
import dev.waiver.engine.exemption.TimeConditions;
import dev.waiver.engine.exemption.WaiverAnnotations;
import dev.waiver.engine.tree.Trees;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkflowTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    final Workflow workflow = new Workflow(ReviewSettings.defaults());

    static RequestForm form(Instant expires) {
        return new RequestForm("disallow-privileged-containers", List.of("privileged-containers"), List.of("payments"),
                List.of("Pod"), List.of("debug-*"), "incident INC-7 hotfix", Optional.of("INC-7"), Optional.empty(),
                expires, "dana", Optional.empty());
    }

    static ReviewCase requested(Workflow workflow) {
        var done = (ReviewStep.Done) workflow.request(form(NOW.plus(Duration.ofDays(10))), "R-1A2B3C", Optional.empty(), NOW);
        return new ReviewCase("R-1A2B3C", done.after(), NOW, Set.of(), Optional.empty(), Optional.empty(), false);
    }

    static ReviewCase after(ReviewCase c, ReviewStep step) {
        var done = (ReviewStep.Done) step;
        var approvals = new java.util.HashSet<>(c.approvals());
        Optional<ReviewCase.Target> target = c.appliedTo();
        if (done.action() == AuditAction.APPROVE) {
            approvals.add(Trees.string(done.after(), "metadata", "annotations", WaiverAnnotations.APPROVED_BY).orElse("x"));
        }
        if (done.action() == AuditAction.APPLY) {
            target = Optional.of(ReviewCase.Target.folder("/gitops"));
        }
        return new ReviewCase(c.id(), done.after(), c.requestedAt(), approvals, target, Optional.empty(),
                done.action() == AuditAction.REMOVE);
    }

    @Test
    void aRequestWaitsInReviewAndCarriesTheWorkingExpiryCondition() {
        var c = requested(workflow);
        assertThat(c.statusAt(NOW)).isEqualTo(ExemptionStatus.IN_REVIEW);
        var terms = TimeConditions.read(Trees.at(c.object(), "spec", "conditions").orElseThrow());
        assertThat(terms.end()).contains(NOW.plus(Duration.ofDays(10)));
        assertThat(terms.neverHonoured()).isFalse();
        assertThat(c.exemption().justification().requestor()).contains("dana");
        assertThat(Trees.string(c.object(), "metadata", "name").orElseThrow()).matches("[a-z0-9-]{1,63}");
    }

    @Test
    void podRulesGetTheirAutogenRulesAndControllerKinds() {
        var policy = new PolicySummary("disallow-privileged-containers", "ClusterPolicy", Optional.empty(), List.of(),
                Optional.empty(), Set.of("Deployment", "CronJob"), List.of(new RuleSummary("privileged-containers", true)));
        var done = (ReviewStep.Done) workflow.request(form(NOW.plus(Duration.ofDays(3))), "R-1", Optional.of(policy), NOW);
        assertThat(Trees.strings(Trees.maps(done.after(), "spec", "exceptions").getFirst(), "ruleNames"))
                .containsExactly("privileged-containers", "autogen-cronjob-privileged-containers", "autogen-privileged-containers");
        var resources = Trees.map(Trees.maps(done.after(), "spec", "match", "any").getFirst(), "resources");
        assertThat(Trees.strings(resources, "kinds")).containsExactly("Pod", "CronJob", "Deployment");
    }

    @Test
    void aRequestLongerThanTheMaximumIsRefused() {
        var step = workflow.request(form(NOW.plus(Duration.ofDays(45))), "R-2", Optional.empty(), NOW);
        assertThat(step).isInstanceOfSatisfying(ReviewStep.Refused.class, r -> {
            assertThat(r.rule()).isEqualTo(ReviewRule.OVER_MAXIMUM);
            assertThat(r.message()).contains("45 days").contains("30 days");
        });
    }

    @Test
    void aRequestWithoutReasonOrInThePastIsRefused() {
        var noReason = new RequestForm("p", List.of("r"), List.of("ns"), List.of("Pod"), List.of(), " ", Optional.empty(),
                Optional.empty(), NOW.plus(Duration.ofDays(1)), "dana", Optional.empty());
        assertThat(((ReviewStep.Refused) workflow.request(noReason, "R", Optional.empty(), NOW)).rule())
                .isEqualTo(ReviewRule.MISSING_FIELD);
        assertThat(((ReviewStep.Refused) workflow.request(form(NOW.minusSeconds(1)), "R", Optional.empty(), NOW)).rule())
                .isEqualTo(ReviewRule.BAD_DATES);
    }

    @Test
    void theRequestorMayNotApproveTheirOwnRequest() {
        var step = workflow.approve(requested(workflow), "Dana", "", Optional.empty(), NOW);
        assertThat(step).isInstanceOfSatisfying(ReviewStep.Refused.class,
                r -> assertThat(r.rule()).isEqualTo(ReviewRule.SELF_APPROVAL));
    }

    @Test
    void approvalByAnotherReviewerMakesItActiveWithRiskAcceptance() {
        var approved = after(requested(workflow), workflow.approve(requested(workflow), "sam", "ok for a week",
                Optional.of("CISO"), NOW));
        assertThat(approved.statusAt(NOW)).isEqualTo(ExemptionStatus.ACTIVE);
        assertThat(approved.exemption().justification().riskAcceptance()).contains("CISO");
        assertThat(approved.exemption().decision().approvedBy()).contains("sam");
    }

    @Test
    void twoApprovalsNeededKeepsItInReviewAfterTheFirst() {
        var strict = new Workflow(new ReviewSettings(2, Duration.ofDays(30), Duration.ofDays(7), Map.of(), Set.of()));
        var c = requested(strict);
        var first = (ReviewStep.Done) strict.approve(c, "sam", "", Optional.empty(), NOW);
        var once = new ReviewCase(c.id(), first.after(), NOW, Set.of("sam"), Optional.empty(), Optional.empty(), false);
        assertThat(once.statusAt(NOW)).isEqualTo(ExemptionStatus.IN_REVIEW);
        assertThat(((ReviewStep.Refused) strict.approve(once, "sam", "", Optional.empty(), NOW)).rule())
                .isEqualTo(ReviewRule.ALREADY_APPROVED);
        var second = (ReviewStep.Done) strict.approve(once, "lee", "", Optional.empty(), NOW);
        assertThat(Trees.string(second.after(), "metadata", "annotations", WaiverAnnotations.APPROVED_BY)).contains("lee, sam");
    }

    @Test
    void aRejectedRequestCannotBeApprovedOrApplied() {
        var c = requested(workflow);
        var rejected = after(c, workflow.reject(c, "sam", "use a narrower match", NOW));
        assertThat(rejected.statusAt(NOW)).isEqualTo(ExemptionStatus.REJECTED);
        assertThat(((ReviewStep.Refused) workflow.approve(rejected, "lee", "", Optional.empty(), NOW)).rule())
                .isEqualTo(ReviewRule.WRONG_STATE);
        assertThat(((ReviewStep.Refused) workflow.apply(rejected, "lee", NOW)).rule()).isEqualTo(ReviewRule.WRONG_STATE);
    }

    @Test
    void aRequestCannotBeAppliedBeforeApproval() {
        var step = workflow.apply(requested(workflow), "ops", NOW);
        assertThat(step).isInstanceOfSatisfying(ReviewStep.Refused.class, r -> assertThat(r.message()).contains("In Review"));
    }

    @Test
    void renewalSetsANewEndAndCountsIt() {
        var c = requested(workflow);
        var applied = after(after(c, workflow.approve(c, "sam", "", Optional.empty(), NOW)), workflow.apply(
                after(c, workflow.approve(c, "sam", "", Optional.empty(), NOW)), "ops", NOW));
        Instant later = NOW.plus(Duration.ofDays(12));
        assertThat(applied.statusAt(later)).isEqualTo(ExemptionStatus.EXPIRED);
        var renewed = after(applied, workflow.renew(applied, "sam", Duration.ofDays(7), "vendor fix slipped", later));
        assertThat(renewed.statusAt(later)).isEqualTo(ExemptionStatus.ACTIVE);
        assertThat(renewed.exemption().decision().renewals()).isEqualTo(1);
        assertThat(renewed.exemption().expiry().enforcedEnd()).contains(later.plus(Duration.ofDays(7)));
        assertThat(renewed.exemption().justification().reason()).contains("vendor fix slipped");
        assertThat(((ReviewStep.Refused) workflow.renew(applied, "dana", Duration.ofDays(7), "again", later)).rule())
                .isEqualTo(ReviewRule.SELF_APPROVAL);
    }

    @Test
    void revokingEndsItNowSoTheClusterStopsHonouringIt() {
        var c = requested(workflow);
        var approved = after(c, workflow.approve(c, "sam", "", Optional.empty(), NOW));
        Instant later = NOW.plus(Duration.ofDays(2));
        var revoked = after(approved, workflow.revoke(approved, "sam", "fixed upstream", later));
        assertThat(revoked.statusAt(later)).isEqualTo(ExemptionStatus.REVOKED);
        assertThat(revoked.exemption().expiry().enforcedEnd()).contains(later);
    }

    @Test
    void anActiveExceptionMustBeRevokedBeforeRemoval() {
        var c = requested(workflow);
        var approved = after(c, workflow.approve(c, "sam", "", Optional.empty(), NOW));
        var applied = after(approved, workflow.apply(approved, "ops", NOW));
        assertThat(((ReviewStep.Refused) workflow.remove(applied, "ops", NOW)).message()).contains("revoke it first");
        assertThat(workflow.remove(applied, "ops", NOW.plus(Duration.ofDays(11)))).isInstanceOf(ReviewStep.Done.class);
    }

    @Test
    void repairRewritesTheNeverTrueFormKeepingTheMeantDate() {
        Map<String, Object> broken = Map.of("apiVersion", "kyverno.io/v2beta1", "kind", "PolicyException",
                "metadata", Map.of("name", "legacy", "namespace", "ops"),
                "spec", Map.of("conditions", Map.of("all", List.of(Map.of("key", "{{ time_now_utc() }}",
                        "operator", "LessThan", "value", "2026-12-01T00:00:00Z")))));
        var done = (ReviewStep.Done) workflow.repair("ops/legacy", broken, "sam", NOW);
        var terms = TimeConditions.read(Trees.at(done.after(), "spec", "conditions").orElseThrow());
        assertThat(terms.neverHonoured()).isFalse();
        assertThat(terms.end()).contains(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(workflow.repair("ops/legacy", done.after(), "sam", NOW)).isInstanceOf(ReviewStep.Refused.class);
    }
}
