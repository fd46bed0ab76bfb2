package dev.waiver.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.review.Reminder;
import dev.waiver.engine.review.Reminders;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.ReviewSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The review queue, its order and the reminders behind the badge, without a display.
class ReviewsViewModelTest {

    @TempDir
    Path folder;

    ReviewDesk desk;

    @BeforeEach
    void build() throws Exception {
        desk = new ReviewDesk(folder);
    }

    @Test
    void theQueueTakesWhatWaitsLongestFirstThenWhatToApplyThenWhatToRemove(@TempDir Path elsewhere) {
        String applied = desk.request("dana", "payments", 5);
        desk.clock.advance(Duration.ofHours(1));
        String approved = desk.request("dana", "checkout", 10);
        desk.clock.advance(Duration.ofHours(1));
        String older = desk.request("erin", "search", 10);
        desk.clock.advance(Duration.ofHours(1));
        String newer = desk.request("erin", "ingress", 10);
        desk.clock.advance(Duration.ofHours(1));
        String rejected = desk.request("erin", "storage", 10);
        var service = desk.service;
        service.approve(applied, "sam", "", Optional.empty());
        service.apply(applied, ReviewCase.Target.folder(elsewhere.toString()), "sam");
        service.approve(approved, "sam", "", Optional.empty());
        service.reject(rejected, "sam", "too broad");
        desk.clock.advance(Duration.ofDays(6));

        desk.queue.refresh();

        assertThat(desk.queueIds()).containsExactly(older, newer, approved, applied);
        assertThat(desk.queue.rows()).extracting(ReviewRow::stage).containsExactly(ReviewRow.Stage.IN_REVIEW,
                ReviewRow.Stage.IN_REVIEW, ReviewRow.Stage.APPROVED, ReviewRow.Stage.AWAITING_REMOVAL);
        assertThat(desk.queue.summaryProperty().get()).isEqualTo("2 waiting for a decision · 1 to apply · 1 to remove");
        assertThat(desk.queue.waitingCountProperty().get()).isEqualTo(2);

        desk.queue.showSettledProperty().set(true);
        assertThat(desk.queueIds()).containsExactly(older, newer, approved, applied, rejected);
    }

    @Test
    void aRowCarriesEveryColumn() {
        String id = desk.request("dana", "payments", 10);
        desk.queue.refresh();
        ReviewRow row = desk.queue.rows().getFirst();
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.exception()).startsWith("payments/disallow-privileged-containers-payments-");
        assertThat(row.checks()).isEqualTo("disallow-privileged-containers: privileged-containers (+ autogen)");
        assertThat(row.namespaces()).isEqualTo("payments");
        assertThat(row.requestor()).isEqualTo("dana");
        assertThat(row.reason()).isEqualTo("vendor image needs privileged mode");
        assertThat(row.ticket()).isEqualTo("SEC-7");
        assertThat(row.requested()).isEqualTo("2026-11-23");
        assertThat(row.ends()).isEqualTo("2026-12-03 · in 10 days");
        assertThat(row.approvals()).isEqualTo("0 of 1");
        assertThat(row.statusText()).isEqualTo("In Review");
    }

    /// An exception in the folder that ends in three days: one reminder before any request.
    void writeAnExceptionEndingSoon() throws Exception {
        Files.writeString(folder.resolve("ending.yaml"), """
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata:
                  name: ending-soon
                  namespace: payments
                spec:
                  exceptions:
                    - policyName: disallow-privileged-containers
                      ruleNames: [privileged-containers]
                  match:
                    any:
                      - resources: {kinds: [Pod], namespaces: [payments], names: [legacy-*]}
                  conditions:
                    all:
                      - key: "{{ time_before('{{ time_now_utc() }}', '2026-11-26T12:00:00Z') }}"
                        operator: Equals
                        value: true
                """);
        desk.reload();
    }

    @Test
    void theBadgeCountsTheRemindersOverTheWorkspaceAndTheStore() throws Exception {
        writeAnExceptionEndingSoon();
        assertThat(desk.queue.reminderCountProperty().get()).isEqualTo(1);

        String first = desk.request("dana", "payments", 10);
        desk.request("dana", "checkout", 10);
        desk.queue.refresh();
        assertThat(desk.queue.reminderCountProperty().get()).isEqualTo(3);
        var register = new ArrayList<Exemption>(desk.workspace.get().exemptions());
        register.addAll(desk.access.besides(register, desk.clock.instant()));
        assertThat(desk.queue.reminderCountProperty().get())
                .isEqualTo(Reminders.of(register, ReviewSettings.defaults(), desk.clock.instant()).size());

        desk.service.reject(first, "sam", "use an allow-list instead");
        desk.queue.refresh();
        assertThat(desk.queue.reminderCountProperty().get()).isEqualTo(2);
    }

    @Test
    void aReminderLeadsToItsCaseOrElseToTheRegister() throws Exception {
        String id = desk.request("dana", "payments", 10);
        desk.service.approve(id, "sam", "", Optional.empty());
        desk.service.apply(id, ReviewCase.Target.folder(folder.toString()), "sam");
        desk.clock.advance(Duration.ofDays(12));
        Files.writeString(folder.resolve("foreign.yaml"), """
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata: {name: foreign, namespace: ci}
                spec:
                  exceptions: [{policyName: p, ruleNames: [r]}]
                  match: {any: [{resources: {kinds: [Pod], namespaces: [ci]}}]}
                  conditions:
                    all:
                      - key: "{{ time_before('{{ time_now_utc() }}', '2026-11-24T00:00:00Z') }}"
                        operator: Equals
                        value: true
                """);
        desk.reload();

        var notifications = desk.queue.notifications();
        assertThat(notifications).extracting(n -> n.reminder().kind())
                .containsOnly(Reminder.Kind.EXPIRED_NOT_REMOVED).hasSize(2);
        var ours = notifications.stream().filter(n -> n.caseId().isPresent()).findFirst().orElseThrow();
        var foreign = notifications.stream().filter(n -> n.caseId().isEmpty()).findFirst().orElseThrow();

        desk.queue.open(ours);
        assertThat(desk.queue.selectedRowProperty().get().id()).isEqualTo(id);
        assertThat(desk.cases.get().orElseThrow().id()).isEqualTo(id);

        desk.queue.open(foreign);
        assertThat(desk.shownInRegister).containsExactly("ci/foreign");
    }

    /// The window reloads the workspace after each step, which refreshes the queue again while the
    /// refresh that selects the new request may still be running: the new request stays the one selected.
    @Test
    void aLaterRefreshKeepsTheCaseAnEarlierOneWasToSelect() {
        var pending = new ArrayList<Runnable>();
        dev.waiver.app.ui.BackgroundRunner queued = new dev.waiver.app.ui.BackgroundRunner() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> task, java.util.function.Consumer<? super T> onSuccess,
                                java.util.function.Consumer<? super Throwable> onError) {
                pending.add(() -> desk.runner.run(task, onSuccess, onError));
            }
        };
        var queue = new ReviewsViewModel(desk.access, queued, desk.clock, desk.workspace, desk.cases, "sam", id -> { });
        String id = desk.request("dana", "payments", 10);
        queue.refresh(id);
        desk.reload();
        pending.forEach(Runnable::run);
        assertThat(queue.selectedRowProperty().get().id()).isEqualTo(id);
    }

    @Test
    void anUnusableDataFolderSaysWhyAndStillRemindsOfTheWorkspace() throws Exception {
        writeAnExceptionEndingSoon();
        var queue = new ReviewsViewModel(ReviewAccess.unavailable("the audit log is locked"), desk.runner, desk.clock,
                desk.workspace, desk.cases, "sam", id -> { });
        queue.refresh();
        assertThat(queue.unavailableProperty().get()).isEqualTo("the audit log is locked");
        assertThat(queue.rows()).isEmpty();
        assertThat(queue.reminderCountProperty().get()).isEqualTo(1);
    }
}
