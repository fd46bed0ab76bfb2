package dev.waiver.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.workspace.FolderWorkspace;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.exemption.StatusRules;
import dev.waiver.engine.tree.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The steps on a selected case, each allowed or refused with the reason, without a display.
class ReviewCaseViewModelTest {

    @TempDir
    Path folder;

    ReviewDesk desk;
    ReviewCaseViewModel vm;
    String id;

    @BeforeEach
    void request() throws Exception {
        desk = new ReviewDesk(folder);
        vm = desk.reviewCase;
        id = desk.request("dana", "payments", 10);
        desk.select(id);
    }

    ExemptionStatus statusInFolder() {
        var workspace = FolderWorkspace.loader(folder).load();
        var applied = workspace.exemptions().stream()
                .filter(e -> e.decision().requestId().filter(id::equals).isPresent()).findFirst().orElseThrow();
        return StatusRules.statusAt(applied, desk.clock.instant());
    }

    void approveAs(String reviewer) {
        desk.as(reviewer);
        desk.dialogs.fillApproval = approval -> {
            approval.commentProperty().set("narrow match, ticket checked");
            approval.riskAcceptanceProperty().set("RA-2026-031");
        };
        vm.approve();
    }

    void applyToTheWorkspaceFolder() {
        desk.dialogs.folder = Optional.of(folder);
        vm.apply();
        desk.reload();
    }

    @Test
    void theRequestorMayNotApproveAndIsToldWhy() {
        assertThat(vm.canApproveProperty().get()).isFalse();
        assertThat(vm.whyNotApproveProperty().get()).isEqualTo("You requested this one: someone else must approve it");
        assertThat(vm.canRejectProperty().get()).isTrue();
        assertThat(vm.canApplyProperty().get()).isFalse();
        assertThat(vm.whyNotApplyProperty().get()).isEqualTo(id + " is In Review: only an approved exception can be applied");

        desk.as("sam");
        assertThat(vm.canApproveProperty().get()).isTrue();
        assertThat(vm.whyNotApproveProperty().get()).isEmpty();
        desk.as(" ");
        assertThat(vm.whyNotApproveProperty().get()).isEqualTo("Enter your name as reviewer first");
    }

    @Test
    void approveThenApplyToAFolderMakesItActive() {
        desk.skips.add("Pod payments/vendor-api-1: disallow-privileged-containers / privileged-containers");
        approveAs("sam");

        var approval = desk.dialogs.lastApproval;
        assertThat(approval.wouldSkip()).containsExactly(
                "Pod payments/vendor-api-1: disallow-privileged-containers / privileged-containers");
        assertThat(approval.blastSummaryProperty().get()).isEqualTo("1 failed check would become a Skip now:");
        assertThat(desk.queue.selectedRowProperty().get().stage()).isEqualTo(ReviewRow.Stage.APPROVED);
        assertThat(vm.text().approvalsProperty().get()).isEqualTo("1 of 1: sam");
        assertThat(vm.text().riskAcceptanceProperty().get()).isEqualTo("RA-2026-031");
        assertThat(vm.canApproveProperty().get()).isFalse();
        assertThat(vm.canApplyProperty().get()).isTrue();

        applyToTheWorkspaceFolder();

        assertThat(desk.dialogs.shown).contains("choose folder: Apply " + id + " to a folder from " + folder);
        assertThat(statusInFolder()).isEqualTo(ExemptionStatus.ACTIVE);
        assertThat(vm.text().statusTextProperty().get()).isEqualTo("Active");
        assertThat(vm.text().appliedToProperty().get()).isEqualTo("folder:" + folder);
        assertThat(vm.lastResultProperty().get()).isEqualTo("Applied " + id + " to folder:" + folder);
        assertThat(desk.queue.selectedRowProperty().get().stage()).as("applied and active: nothing to do, still shown")
                .isEqualTo(ReviewRow.Stage.SETTLED);
        assertThat(desk.log.entries()).extracting(e -> e.record().action())
                .containsExactly(AuditAction.REQUEST, AuditAction.APPROVE, AuditAction.APPLY);
        assertThat(desk.log.entries().get(1).record().comment()).isEqualTo("narrow match, ticket checked");
    }

    @Test
    void revokeEndsItAtOnceThenRemoveDeletesIt() throws Exception {
        approveAs("sam");
        applyToTheWorkspaceFolder();
        desk.clock.advance(Duration.ofDays(1));

        desk.dialogs.reason = Optional.of("fixed upstream");
        vm.revoke();
        desk.reload();
        assertThat(statusInFolder()).isEqualTo(ExemptionStatus.REVOKED);
        assertThat(desk.queue.selectedRowProperty().get().stage()).isEqualTo(ReviewRow.Stage.AWAITING_REMOVAL);
        assertThat(vm.canRevokeProperty().get()).isFalse();
        assertThat(vm.canRemoveProperty().get()).isTrue();

        vm.remove();
        assertThat(desk.dialogs.shown).anyMatch(s -> s.startsWith("confirm: Remove " + id));
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("policies.yaml", "pods.yaml");
        }
        assertThat(vm.text().statusTextProperty().get()).isEqualTo("Revoked (removed)");
        assertThat(desk.log.entries()).extracting(e -> e.record().action()).containsSubsequence(
                AuditAction.REVOKE, AuditAction.APPLY, AuditAction.REMOVE);
    }

    @Test
    void renewGivesAnEndedExceptionANewEndAndCountsIt() {
        approveAs("sam");
        applyToTheWorkspaceFolder();
        desk.clock.advance(Duration.ofDays(11));
        desk.reload();
        assertThat(statusInFolder()).isEqualTo(ExemptionStatus.EXPIRED);
        assertThat(desk.queue.selectedRowProperty().get().stage()).isEqualTo(ReviewRow.Stage.AWAITING_REMOVAL);

        desk.as("dana");
        assertThat(vm.whyNotRenewProperty().get()).isEqualTo("You requested this one: someone else must renew it");
        desk.as("sam");
        desk.dialogs.renewal = Optional.of(new ReviewDialogs.Renewal(7, "upstream fix due next sprint"));
        vm.renew();
        desk.reload();

        assertThat(desk.dialogs.shown).contains("renew: Renew " + id + " (at most 30 days)");
        assertThat(statusInFolder()).isEqualTo(ExemptionStatus.ACTIVE);
        assertThat(vm.text().renewalsProperty().get()).isEqualTo("1");
        assertThat(vm.text().reasonProperty().get()).isEqualTo("upstream fix due next sprint");
    }

    @Test
    void aRefusalFromTheServiceIsShownAsOneMessage(@TempDir Path other) {
        approveAs("sam");
        applyToTheWorkspaceFolder();
        desk.dialogs.folder = Optional.of(other);
        vm.apply();
        assertThat(vm.problemProperty().get()).isEqualTo("Apply refused: " + id + " is already applied to folder:"
                + folder + "; remove it there first (rule wrong-state)");
        assertThat(vm.lastResultProperty().get()).as("the line of the step before no longer applies").isEmpty();
        assertThat(desk.dialogs.shown).noneMatch(s -> s.startsWith("error: "));
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aFailedWriteIsShownAndNothingIsRecorded() {
        approveAs("sam");
        int entries = desk.log.entries().size();
        desk.dialogs.folder = Optional.of(folder.resolve("missing"));
        vm.apply();
        assertThat(vm.problemProperty().get()).startsWith("Apply failed: " + id + " not written to folder:")
                .contains("no such folder");
        assertThat(desk.log.entries()).hasSize(entries);
        assertThat(vm.canApplyProperty().get()).isTrue();
        String problem = vm.problemProperty().get();
        desk.queue.selectedRowProperty().set(null);
        desk.select(id);
        assertThat(vm.problemProperty().get()).as("the queue letting go for a moment keeps it").isEqualTo(problem);
        String other = desk.request("dana", "checkout", 5);
        desk.select(other);
        assertThat(vm.problemProperty().get()).as("another case does not have it").isEmpty();
        desk.select(id);
        assertThat(vm.problemProperty().get()).isEmpty();

        desk.dialogs.folder = Optional.of(folder);
        vm.apply();
        assertThat(vm.problemProperty().get()).as("a step that works clears it").isEmpty();
        assertThat(vm.lastResultProperty().get()).isEqualTo("Applied " + id + " to folder:" + folder);
    }

    @Test
    void onARegisterOfContextsApplyOffersThemAndAFolderAndWritesToTheOneChosen() {
        assertThat(vm.applyLabelProperty().get()).isEqualTo("Apply to folder…");
        desk.contexts.set(List.of("prod", "staging"));
        assertThat(vm.applyLabelProperty().get()).isEqualTo("Apply…");
        approveAs("sam");

        desk.dialogs.target = q -> Optional.of(new ReviewDialogs.ToContext("staging"));
        vm.apply();

        assertThat(desk.dialogs.shown).contains("apply to: Apply " + id + ": *Context prod | Context staging | A folder…");
        assertThat(desk.dialogs.shown).noneMatch(s -> s.startsWith("choose folder"));
        assertThat(desk.inContext.get("staging")).hasSize(1);
        assertThat(desk.inContext).doesNotContainKey("prod");
        assertThat(vm.text().appliedToProperty().get()).isEqualTo("context:staging");
        assertThat(vm.lastResultProperty().get()).startsWith("Applied " + id + " to context:staging (resourceVersion ");
        assertThat(desk.log.entries().getLast().record().context()).isEqualTo("context:staging");

        // Revoke and remove go where it was applied, whatever the register shows now.
        desk.contexts.set(List.of());
        desk.dialogs.reason = Optional.of("fixed upstream");
        vm.revoke();
        var held = desk.inContext.get("staging").values().iterator().next();
        assertThat(Trees.stringMap(held, "metadata", "annotations")).containsEntry("waiver.dev/revoked-by", "sam");
        vm.remove();
        assertThat(desk.inContext.get("staging")).isEmpty();
        assertThat(vm.text().statusTextProperty().get()).isEqualTo("Revoked (removed)");
    }

    @Test
    void theContextSuggestedIsTheOneHoldingExceptionsForTheRequestsNamespace() {
        desk.contexts.set(List.of("prod", "staging"));
        approveAs("sam");
        var there = KyvernoObjects.toExemption(Map.of(
                "apiVersion", "kyverno.io/v2", "kind", "PolicyException",
                "metadata", Map.of("name", "older", "namespace", "payments"),
                "spec", Map.of("exceptions", List.of(Map.of("policyName", "p", "ruleNames", List.of("r"))),
                        "match", Map.of("any", List.of(Map.of("resources", Map.of("kinds", List.of("Pod"))))))),
                Source.context("staging"), Optional.empty());
        desk.workspace.set(new Workspace("prod, staging", Source.context("prod,staging"),
                List.of(there), PolicyCatalog.empty(), List.of(), List.of(), List.of()));
        desk.dialogs.target = q -> Optional.empty();

        vm.apply();

        assertThat(desk.dialogs.lastTargetQuestion.suggested()).isEqualTo(new ReviewDialogs.ToContext("staging"));
        assertThat(desk.log.entries()).as("cancelled: nothing recorded").hasSize(2);
        assertThat(desk.inContext).isEmpty();
    }

    @Test
    void aContextThatRefusesTheWriteIsOneLineOnTheScreenAndNothingIsRecorded() {
        desk.contexts.set(List.of("prod"));
        approveAs("sam");
        int entries = desk.log.entries().size();
        desk.refusing.put("prod", "Not allowed to create policyexceptions.kyverno.io in namespace payments as ops; "
                + "nothing was written.");

        vm.apply();

        assertThat(vm.problemProperty().get()).isEqualTo("Apply failed: " + id + " not written to context:prod: Not allowed "
                + "to create policyexceptions.kyverno.io in namespace payments as ops; nothing was written.");
        assertThat(desk.dialogs.shown).noneMatch(s -> s.startsWith("error: "));
        assertThat(desk.log.entries()).hasSize(entries);
        assertThat(vm.canApplyProperty().get()).isTrue();
        assertThat(vm.text().appliedToProperty().get()).isEqualTo("not applied");
    }

    @Test
    void onARegisterOfContextsAFolderCanStillBeChosen() {
        desk.contexts.set(List.of("prod"));
        approveAs("sam");
        desk.dialogs.target = q -> Optional.of(new ReviewDialogs.ToFolder());
        desk.dialogs.folder = Optional.of(folder);

        vm.apply();

        assertThat(desk.dialogs.shown).containsSubsequence("apply to: Apply " + id + ": *Context prod | A folder…",
                "choose folder: Apply " + id + " to a folder from " + folder);
        assertThat(vm.text().appliedToProperty().get()).isEqualTo("folder:" + folder);
    }

    @Test
    void rejectAndEscalateAskForTheirReason() {
        desk.as("sam");
        desk.dialogs.reason = Optional.of("needs a permanent policy change");
        vm.escalate();
        desk.dialogs.reason = Optional.empty();
        vm.reject();
        assertThat(desk.log.entries()).extracting(e -> e.record().action())
                .containsExactly(AuditAction.REQUEST, AuditAction.ESCALATE);

        desk.dialogs.reason = Optional.of("too broad: name the workloads");
        vm.reject();
        assertThat(vm.text().decisionProperty().get()).isEqualTo("rejected by sam: too broad: name the workloads");
        assertThat(vm.canRejectProperty().get()).isFalse();
        assertThat(desk.dialogs.shown).containsSubsequence("ask: Escalate " + id, "ask: Reject " + id, "ask: Reject " + id);
    }

    @Test
    void withNothingSelectedEveryStepSaysSo() {
        desk.queue.selectedRowProperty().set(null);
        assertThat(List.of(vm.canApproveProperty().get(), vm.canRemoveProperty().get())).containsOnly(false);
        assertThat(vm.whyNotRemoveProperty().get()).isEqualTo("Select a case in the queue");
        assertThat(vm.text().presentProperty().get()).isFalse();
    }
}
