package dev.waiver.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.exemption.ExemptionStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The request form: the engine's verdict inline, the pre-fill from a failed check, and the submit.
class RequestFormViewModelTest {

    @TempDir
    Path folder;

    ReviewDesk desk;
    RequestFormViewModel form;

    @BeforeEach
    void build() throws Exception {
        desk = new ReviewDesk(folder);
        form = desk.form;
        desk.queue.refresh();
    }

    @Test
    void offersTheWorkspacePoliciesAndTheirRules() {
        assertThat(form.policies()).containsExactly("disallow-privileged-containers");
        form.policyProperty().set("disallow-privileged-containers");
        assertThat(form.availableRules()).containsExactly("privileged-containers");
    }

    @Test
    void saysWhatIsMissingInTheEnginesWords() {
        form.start();
        assertThat(form.problemProperty().get()).isEqualTo("A request needs the policy it exempts from");
        form.policyProperty().set("disallow-privileged-containers");
        assertThat(form.problemProperty().get()).isEqualTo("A request needs at least one namespace it matches");
        form.namespacesProperty().set("payments");
        assertThat(form.problemProperty().get()).isEqualTo("A request needs a justification");
        assertThat(form.canSubmitProperty().get()).isFalse();
        form.reasonProperty().set("vendor agent");
        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.canSubmitProperty().get()).isTrue();
        form.daysProperty().set(45);
        assertThat(form.problemProperty().get()).isEqualTo("Asked for 45 days, the maximum is 30 days");
        form.endDateProperty().set(LocalDate.parse("2026-12-01"));
        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.endsTextProperty().get()).isEqualTo("Ends 2026-12-01 00:00 UTC (in 7 days)");
    }

    @Test
    void aFailedCheckPrefillsTheFormWithThePodRule() {
        form.requestFor("disallow-privileged-containers", "autogen-privileged-containers", "Deployment", "payments",
                "vendor-api");
        assertThat(form.openProperty().get()).isTrue();
        assertThat(form.policyProperty().get()).isEqualTo("disallow-privileged-containers");
        assertThat(form.rulesProperty().get()).isEqualTo(Set.of("privileged-containers"));
        assertThat(form.kindsProperty().get()).isEqualTo("Pod");
        assertThat(form.namesProperty().get()).isEqualTo("vendor-api, vendor-api-*");
        assertThat(form.namespacesProperty().get()).isEqualTo("payments");
        assertThat(form.problemProperty().get()).isEqualTo("A request needs a justification");

        form.requestFor("disallow-privileged-containers", "privileged-containers", "Pod", "payments", "vendor-api-1");
        assertThat(form.namesProperty().get()).isEqualTo("vendor-api-1");
        assertThat(form.kindsProperty().get()).isEqualTo("Pod");
    }

    @Test
    void submittingPutsTheRequestInTheQueueInReview() {
        form.requestFor("disallow-privileged-containers", "privileged-containers", "Pod", "payments", "vendor-api-1");
        form.reasonProperty().set("vendor agent needs privileged mode until 4.2");
        form.ticketProperty().set("SEC-88");
        form.submit();

        assertThat(form.openProperty().get()).isFalse();
        assertThat(desk.changes).hasSize(1);
        String id = desk.changes.getFirst();
        assertThat(desk.queueIds()).containsExactly(id);
        var row = desk.queue.selectedRowProperty().get();
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.status()).isEqualTo(ExemptionStatus.IN_REVIEW);
        assertThat(row.requestor()).isEqualTo("dana");
        assertThat(row.ticket()).isEqualTo("SEC-88");
        assertThat(desk.log.entries()).extracting(e -> e.record().action()).containsExactly(AuditAction.REQUEST);
        assertThat(desk.log.entries().getFirst().record().after())
                .contains("autogen-privileged-containers").contains("Deployment").contains("time_before");
        assertThat(form.reasonProperty().get()).as("the form starts blank next time").isEmpty();
    }

    @Test
    void listsAreTypedWithCommasOrSpaces() {
        assertThat(RequestFormViewModel.list(" payments, checkout  team-* ")).isEqualTo(List.of("payments", "checkout", "team-*"));
        assertThat(RequestFormViewModel.list("")).isEmpty();
    }
}
