package dev.waiver.app.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.exceptions.Fixture;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.DemoWorkspace;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.exemption.RegisterEntry;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/// "What does this exception cover?" over the demo workspace, without a toolkit.
class CoverageViewModelTest {

    private static final Workspace DEMO = DemoWorkspace.loader(Fixture.CLOCK).load();

    private final Selection<RegisterEntry> selection = new Selection<>();
    private final SimpleObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(DEMO);
    private final CoverageViewModel vm = new CoverageViewModel(selection, workspace, new ImmediateRunner(), Fixture.CLOCK);

    private static RegisterEntry entry(Workspace ws, String qualifiedName) {
        return Register.assess(ws.exemptions(), ws.policies(), Fixture.NOW).entries().stream()
                .filter(e -> e.exemption().qualifiedName().equals(qualifiedName)).findFirst().orElseThrow();
    }

    @Test
    void listsTheFailedChecksAnExceptionTurnsIntoSkips() {
        assertFalse(vm.canCheckProperty().get(), "nothing selected");
        selection.select(entry(DEMO, "kube-system/cilium-agent"));
        assertTrue(vm.canCheckProperty().get());
        vm.check();
        assertFalse(vm.coversNothingProperty().get());
        assertEquals("Turns 6 failed checks from Fail to Skip:", vm.summaryProperty().get());
        assertEquals(List.of(
                "DaemonSet kube-system/cilium: disallow-capabilities / autogen-adding-capabilities",
                "DaemonSet kube-system/cilium: disallow-host-namespaces / autogen-host-namespaces",
                "DaemonSet kube-system/cilium: disallow-host-path / autogen-host-path",
                "DaemonSet kube-system/cilium: disallow-privilege-escalation / autogen-privilege-escalation",
                "DaemonSet kube-system/cilium: disallow-privileged-containers / autogen-privileged-containers",
                "DaemonSet kube-system/cilium: require-run-as-nonroot / autogen-run-as-non-root"),
                vm.lines().stream().sorted().toList());
        assertEquals("", vm.noteProperty().get());
    }

    @Test
    void namesTheChecksAnotherExceptionAlsoSkips() {
        selection.select(entry(DEMO, "ci-runners/gitlab-runner-jobs"));
        vm.check();
        assertEquals("Turns 5 failed checks from Fail to Skip:", vm.summaryProperty().get());
        assertTrue(vm.lines().contains("Pod ci-runners/runner-xk2p7wq-project-4312-concurrent-0: require-run-as-nonroot"
                + " / run-as-non-root  (also kyverno/istio-init-capabilities)"), vm.lines().toString());
        assertTrue(vm.noteProperty().get().startsWith("1 of them is also skipped by another exception"), vm.noteProperty().get());
    }

    @Test
    void flagsAnActiveExceptionThatCoversNothing() {
        // Lists only the Pod rules but matches a Deployment: the autogen rule still fails.
        selection.select(entry(DEMO, "checkout/storefront-preview-latest"));
        vm.check();
        assertTrue(vm.coversNothingProperty().get());
        assertEquals("Covers nothing in this workspace: it may no longer be needed.", vm.summaryProperty().get());
        assertEquals(List.of(), vm.lines());
    }

    @Test
    void sayWhenTheExceptionIsNotInEffect() {
        selection.select(entry(DEMO, "checkout/search-indexer-memory-limit"));
        vm.check();
        assertEquals("Turns 1 failed check from Fail to Skip:", vm.summaryProperty().get());
        assertTrue(vm.noteProperty().get().startsWith("Not in effect now (In Review)"), vm.noteProperty().get());
    }

    @Test
    void anotherSelectionOrWorkspaceClearsTheAnswer() {
        selection.select(entry(DEMO, "kube-system/cilium-agent"));
        vm.check();
        selection.select(entry(DEMO, "checkout/storefront-preview-latest"));
        assertEquals("", vm.summaryProperty().get());
        assertEquals(List.of(), vm.lines());
        vm.check();
        workspace.set(Fixture.loader().load());
        assertEquals("", vm.summaryProperty().get());
        assertFalse(vm.coversNothingProperty().get());
    }

    @Test
    void aWorkspaceWithoutResourcesCannotTell() {
        Workspace fixture = Fixture.loader().load();
        workspace.set(fixture);
        var known = fixture.exemptions().stream()
                .filter(e -> fixture.policies().find(e.policies().getFirst()).isPresent()).findFirst().orElseThrow();
        selection.select(entry(fixture, known.qualifiedName()));
        vm.check();
        assertFalse(vm.coversNothingProperty().get(), "nothing to evaluate is not the same as covering nothing");
        assertEquals("The workspace holds no resources to evaluate, so what it covers cannot be told here.",
                vm.summaryProperty().get());
    }

    @Test
    void anExceptionForAPolicyNotInTheWorkspaceCoversNothing() {
        Workspace fixture = Fixture.loader().load();
        workspace.set(fixture);
        var unknown = fixture.exemptions().stream()
                .filter(e -> e.policies().stream().allMatch(p -> fixture.policies().find(p).isEmpty())).findFirst()
                .orElseThrow();
        selection.select(entry(fixture, unknown.qualifiedName()));
        vm.check();
        assertTrue(vm.coversNothingProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith("Covers nothing in this workspace: none of the policies it names"),
                vm.summaryProperty().get());
    }
}
