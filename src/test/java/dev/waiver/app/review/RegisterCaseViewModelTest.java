package dev.waiver.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.ui.Screen;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.FolderWorkspace;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.RegisterEntry;
import dev.waiver.engine.review.StoredRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The register's way to an exception's review case: open when Waiver's store holds the case, else
/// disabled with the reason.
class RegisterCaseViewModelTest {

    @TempDir
    Path folder;

    ReviewDesk desk;
    final Selection<RegisterEntry> selection = new Selection<>();
    final SimpleStringProperty unavailable = new SimpleStringProperty("");
    final List<Screen> shown = new ArrayList<>();
    RegisterCaseViewModel vm;

    @BeforeEach
    void desk() throws Exception {
        desk = new ReviewDesk(folder);
        vm = new RegisterCaseViewModel(selection, desk.queue.cases(), unavailable, desk.queue::selectById, shown::add);
    }

    /// The register as the window shows it: the folder's exceptions, and the store's requests beside them.
    RegisterEntry entry(String name) {
        var workspace = FolderWorkspace.loader(folder).load();
        var all = new ArrayList<Exemption>(workspace.exemptions());
        all.addAll(StoredRequests.besides(workspace.exemptions(), desk.service.cases(), desk.clock.instant()));
        return Register.assess(all, PolicyCatalog.empty(), desk.clock.instant()).entries().stream()
                .filter(e -> e.exemption().name().startsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void aRequestOfTheStoreOpensItsCaseOnTheReviewsScreen() {
        String id = desk.request("dana", "payments", 10);
        desk.select(null);
        desk.queue.refresh();

        selection.select(entry("disallow-privileged-containers-payments"));

        assertThat(vm.canOpenProperty().get()).isTrue();
        assertThat(vm.whyNotOpenProperty().get()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("Request " + id + " · In Review · Waiting for a decision");
        vm.open();
        assertThat(shown).containsExactly(Screen.REVIEWS);
        assertThat(desk.queue.selectedRowProperty().get().id()).isEqualTo(id);
        assertThat(desk.reviewCase.currentProperty().get().id()).isEqualTo(id);
    }

    @Test
    void anAppliedExceptionLeadsToItsCaseEvenWhenSettled() {
        String id = desk.request("dana", "payments", 10);
        desk.select(id);
        desk.as("sam");
        desk.dialogs.fillApproval = approval -> { };
        desk.reviewCase.approve();
        desk.dialogs.folder = Optional.of(folder);
        desk.reviewCase.apply();
        desk.reload();
        desk.queue.selectedRowProperty().set(null);

        selection.select(entry("disallow-privileged-containers-payments"));

        assertThat(vm.summaryProperty().get()).isEqualTo("Request " + id + " · Active · Nothing to do");
        vm.open();
        assertThat(desk.queue.showSettledProperty().get()).as("a settled case is listed to be selected").isTrue();
        assertThat(desk.queue.selectedRowProperty().get().id()).isEqualTo(id);
    }

    @Test
    void anExceptionNotRequestedHereCannotBeOpenedAndSaysWhy() throws Exception {
        Files.writeString(folder.resolve("by-hand.yaml"), """
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata:
                  name: by-hand
                  namespace: payments
                  annotations:
                    waiver.dev/request-id: R-elsewhere
                spec:
                  exceptions:
                    - policyName: disallow-privileged-containers
                      ruleNames: [privileged-containers]
                  match:
                    any:
                      - resources:
                          kinds: [Pod]
                """);

        selection.select(entry("by-hand"));

        assertThat(vm.canOpenProperty().get()).isFalse();
        assertThat(vm.whyNotOpenProperty().get()).isEqualTo("Not managed by Waiver: it was not requested here");
        assertThat(vm.summaryProperty().get()).isEmpty();
        vm.open();
        assertThat(shown).isEmpty();

        unavailable.set("the audit log is newer than this Waiver");
        assertThat(vm.whyNotOpenProperty().get())
                .isEqualTo("The review workflow is not available: the audit log is newer than this Waiver");
        selection.clear();
        assertThat(vm.whyNotOpenProperty().get()).isEqualTo("Select an exception");
    }
}
