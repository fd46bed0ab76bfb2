package dev.waiver.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.workspace.FolderWorkspace;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.review.Reminder;
import dev.waiver.engine.review.Reminders;
import dev.waiver.engine.review.RequestForm;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.ReviewRule;
import dev.waiver.engine.review.ReviewSettings;
import dev.waiver.engine.review.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewServiceTest {

    @TempDir
    Path gitops;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    final MemoryAuditLog log = new MemoryAuditLog();
    final AtomicInteger ids = new AtomicInteger();
    final ReviewService service = new ReviewService(log, new Workflow(ReviewSettings.defaults()), clock,
            target -> new FolderTarget(Path.of(target.name())), () -> "R-00000" + ids.incrementAndGet());

    String request(int days) {
        var form = new RequestForm("require-image-signature", List.of("check-image-signature"), List.of("payments"),
                List.of("Pod"), List.of("vendor-*"), "vendor image unsigned, risk assessed", Optional.of("SEC-12"),
                Optional.empty(), clock.instant().plus(Duration.ofDays(days)), "dana", Optional.empty());
        var result = service.request(form, Optional.empty());
        assertThat(result).isInstanceOf(ReviewResult.Recorded.class);
        return ((ReviewResult.Recorded) result).after().id();
    }

    ExemptionStatus statusInFolder() {
        var workspace = FolderWorkspace.loader(gitops).load();
        assertThat(workspace.problems()).isEmpty();
        assertThat(workspace.exemptions()).hasSize(1);
        return dev.waiver.engine.exemption.StatusRules.statusAt(workspace.exemptions().getFirst(), clock.instant());
    }

    @Test
    void aWholeLifecycleThroughAFolder() throws Exception {
        String id = request(10);
        assertThat(service.find(id).orElseThrow().statusAt(clock.instant())).isEqualTo(ExemptionStatus.IN_REVIEW);

        assertThat(service.approve(id, "dana", "", Optional.empty()))
                .isInstanceOfSatisfying(ReviewResult.Refused.class, r -> assertThat(r.rule()).isEqualTo(ReviewRule.SELF_APPROVAL));
        assertThat(service.approve(id, "sam", "narrow match, ticket checked", Optional.of("CISO")))
                .isInstanceOf(ReviewResult.Recorded.class);
        assertThat(service.apply(id, ReviewCase.Target.folder(gitops.toString()), "ops"))
                .isInstanceOf(ReviewResult.Recorded.class);
        assertThat(statusInFolder()).isEqualTo(ExemptionStatus.ACTIVE);
        assertThat(Files.readString(Files.list(gitops).findFirst().orElseThrow())).contains("time_before");

        clock.advance(Duration.ofDays(4));
        var reminders = Reminders.of(service.cases().stream().map(ReviewCase::exemption).toList(),
                ReviewSettings.defaults(), clock.instant());
        assertThat(reminders).extracting(Reminder::kind).containsExactly(Reminder.Kind.EXPIRING_SOON);

        clock.advance(Duration.ofDays(7));
        assertThat(statusInFolder()).isEqualTo(ExemptionStatus.EXPIRED);
        assertThat(service.remove(id, "ops")).isInstanceOf(ReviewResult.Recorded.class);
        try (var files = Files.list(gitops)) {
            assertThat(files).isEmpty();
        }
        assertThat(log.entries()).extracting(e -> e.record().action()).containsExactly(
                AuditAction.REQUEST, AuditAction.APPROVE, AuditAction.APPLY, AuditAction.REMOVE);
        assertThat(log.entries()).extracting(e -> e.record().actor()).containsExactly("dana", "sam", "ops", "ops");
    }

    @Test
    void renewAndRevokeRewriteTheAppliedObject() {
        String id = request(5);
        service.approve(id, "sam", "", Optional.empty());
        service.apply(id, ReviewCase.Target.folder(gitops.toString()), "ops");
        clock.advance(Duration.ofDays(6));
        assertThat(statusInFolder()).isEqualTo(ExemptionStatus.EXPIRED);

        assertThat(service.renew(id, "sam", Duration.ofDays(7), "upstream fix due next sprint"))
                .isInstanceOf(ReviewResult.Recorded.class);
        assertThat(statusInFolder()).isEqualTo(ExemptionStatus.ACTIVE);
        assertThat(service.find(id).orElseThrow().exemption().decision().renewals()).isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        assertThat(service.revoke(id, "sam", "fixed upstream")).isInstanceOf(ReviewResult.Recorded.class);
        assertThat(statusInFolder()).isEqualTo(ExemptionStatus.REVOKED);
        assertThat(log.entries()).extracting(e -> e.record().action()).containsSubsequence(
                AuditAction.RENEW, AuditAction.APPLY, AuditAction.REVOKE, AuditAction.APPLY);
    }

    @Test
    void aFailedWriteLeavesNoApplyEntryAndSaysSo() {
        String id = request(5);
        service.approve(id, "sam", "", Optional.empty());
        int before = log.entries().size();
        var result = service.apply(id, ReviewCase.Target.folder(gitops.resolve("missing").toString()), "ops");
        assertThat(result).isInstanceOfSatisfying(ReviewResult.Failed.class,
                f -> assertThat(f.message()).contains("no such folder"));
        assertThat(log.entries()).hasSize(before);
        assertThat(service.find(id).orElseThrow().appliedTo()).isEmpty();
    }

    @Test
    void aRevocationThatCouldNotBeWrittenIsCarriedOutByRemovingTheException() throws Exception {
        String id = request(5);
        service.approve(id, "sam", "", Optional.empty());
        var folder = ReviewCase.Target.folder(gitops.toString());
        service.apply(id, folder, "ops");
        Path file = new FolderTarget(gitops).fileFor(service.find(id).orElseThrow().object());
        String applied = Files.readString(file);
        Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: theirs}\n");

        assertThat(service.revoke(id, "sam", "vendor contract ended")).isInstanceOfSatisfying(ReviewResult.Failed.class,
                f -> assertThat(f.message()).contains("the decision is recorded").contains("waiver remove " + id + " --as sam"));
        assertThat(service.find(id).orElseThrow().statusAt(clock.instant())).isEqualTo(ExemptionStatus.REVOKED);

        Files.writeString(file, applied);
        assertThat(service.remove(id, "sam")).isInstanceOf(ReviewResult.Recorded.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileHoldingAnotherObjectIsNeverOverwritten() throws Exception {
        String id = request(5);
        service.approve(id, "sam", "", Optional.empty());
        var target = new FolderTarget(gitops);
        Path file = target.fileFor(service.find(id).orElseThrow().object());
        Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: theirs}\n");
        assertThat(service.apply(id, ReviewCase.Target.folder(gitops.toString()), "ops"))
                .isInstanceOfSatisfying(ReviewResult.Failed.class, f -> assertThat(f.message()).contains("another object"));
        assertThat(Files.readString(file)).contains("ConfigMap");
    }

    @Test
    void unknownIdsAreRefusedByName() {
        assertThat(service.approve("R-nope", "sam", "", Optional.empty()))
                .isInstanceOfSatisfying(ReviewResult.Refused.class, r -> assertThat(r.line()).contains("unknown-id").contains("R-nope"));
        assertThat(log.entries()).isEmpty();
    }

    @Test
    void theRequestIsRecordedBeforeAndAfterAsYaml() {
        request(3);
        AuditEntry entry = log.entries().getFirst();
        assertThat(entry.record().before()).isEmpty();
        assertThat(entry.record().after()).contains("kind: PolicyException").contains("waiver.dev/request-id");
    }

    @Test
    void aNeverTrueConditionIsRepairedInItsFileKeepingTheOtherDocuments() throws Exception {
        Path file = gitops.resolve("legacy.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: Namespace
                metadata: {name: ops}
                ---
                apiVersion: kyverno.io/v2beta1
                kind: PolicyException
                metadata:
                  name: legacy
                  namespace: ops
                  annotations: {requestor: kim}
                spec:
                  exceptions: [{policyName: require-image-signature, ruleNames: [check-image-signature]}]
                  match: {any: [{resources: {kinds: [Pod], namespaces: [ops]}}]}
                  conditions:
                    all:
                    - key: "{{ time_now_utc() }}"
                      operator: LessThan
                      value: "2026-12-01T00:00:00Z"
                """);
        var before = FolderWorkspace.loader(gitops).load().exemptions().getFirst();
        assertThat(dev.waiver.engine.exemption.StatusRules.statusAt(before, clock.instant())).isEqualTo(ExemptionStatus.INACTIVE);
        String origin = before.origin().orElseThrow();
        var result = service.repairInFile(before, Path.of(origin.substring(0, origin.lastIndexOf(':'))), "sam");
        assertThat(result).isInstanceOf(ReviewResult.Recorded.class);
        var workspace = FolderWorkspace.loader(gitops).load();
        assertThat(workspace.otherDocuments()).hasSize(1);
        assertThat(statusInFolder()).isEqualTo(ExemptionStatus.ACTIVE);
        assertThat(workspace.exemptions().getFirst().expiry().enforcedEnd()).contains(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(log.entries()).extracting(e -> e.record().action()).containsExactly(AuditAction.REPAIR);
        assertThat(service.cases()).isEmpty();
    }
}
