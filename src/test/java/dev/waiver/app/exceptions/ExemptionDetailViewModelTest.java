package dev.waiver.app.exceptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.FindingCode;
import dev.waiver.engine.exemption.RegisterEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The detail pane's fields follow the shared selection.
class ExemptionDetailViewModelTest {

    private final Selection<RegisterEntry> selection = new Selection<>();
    private ExceptionListViewModel list;
    private ExemptionDetailViewModel detail;

    @BeforeEach
    void load() {
        list = new ExceptionListViewModel(new ImmediateRunner(), Fixture.CLOCK, selection);
        detail = new ExemptionDetailViewModel(selection, Fixture.PLAIN_YAML, Fixture.CLOCK);
        list.load(Fixture.loader());
    }

    @Test
    void emptyUntilSomethingIsSelected() {
        assertFalse(detail.presentProperty().get());
        assertEquals("", detail.nameProperty().get());
        assertTrue(detail.findings().isEmpty());
    }

    @Test
    void namesTheContextOfAnExceptionReadFromACluster() {
        list.load(Fixture.twoContexts());
        list.selectById("staging:monitoring/scraper-any-registry");
        assertEquals("staging", detail.contextProperty().get());
        assertEquals("context staging", detail.sourceProperty().get());
        list.selectedRowProperty().set(null);
        assertEquals("", detail.contextProperty().get());
    }

    @Test
    void showsEveryFieldOfTheSelectedException() {
        list.selectById("payments/allow-debug-sidecar");
        assertTrue(detail.presentProperty().get());
        assertEquals("allow-debug-sidecar", detail.nameProperty().get());
        assertEquals("payments", detail.namespaceProperty().get());
        assertEquals(ExemptionStatus.ACTIVE, detail.statusProperty().get());
        assertEquals("Active", detail.statusTextProperty().get());
        assertTrue(detail.sourceProperty().get().startsWith("folder "));
        assertEquals("", detail.contextProperty().get(), "a folder's exception has no context row");
        assertTrue(detail.originProperty().get().endsWith("payments.yaml:1"), detail.originProperty().get());
        assertEquals("disallow-privileged-containers  →  privileged-containers, autogen-privileged-containers",
                detail.checksProperty().get());
        assertEquals("Pod Security Standards (Baseline)", detail.checkTypeProperty().get());
        assertEquals("Pod in payments named checkout-api-*", detail.matchesProperty().get());
        assertEquals("alice@example.com", detail.requestorProperty().get());
        assertEquals("SEC-101", detail.ticketProperty().get());
        assertTrue(detail.reasonProperty().get().contains("checkout incident"));
        assertEquals("bob@example.com", detail.approverProperty().get());
        assertEquals("approved by bob@example.com", detail.decisionProperty().get());
        assertEquals("—", detail.riskAcceptanceProperty().get());
        assertEquals("2026-06-01 09:30 UTC (14 days ago)", detail.createdProperty().get());
        assertEquals("—", detail.startsProperty().get());
        assertEquals("2026-06-18 00:00 UTC (in 2 days)", detail.expiresProperty().get());
        assertEquals("Enforced by the cluster: time condition", detail.expiryNoteProperty().get());
        assertEquals("0", detail.renewalsProperty().get());
        assertTrue(detail.findings().stream().anyMatch(f -> f.code() == FindingCode.EXPIRING_SOON));
        assertTrue(detail.yamlProperty().get().contains("allow-debug-sidecar"));
    }

    @Test
    void explainsDecisionsAndEnforcement() {
        list.selectById("monitoring/scraper-any-registry");
        assertEquals(ExemptionStatus.REJECTED, detail.statusProperty().get());
        assertEquals("request REQ-0005; rejected by bob@example.com: Mirror the image instead", detail.decisionProperty().get());
        assertEquals("No expiry: honoured until removed", detail.expiryNoteProperty().get());

        list.selectById("ml/gpu-operator-images");
        assertEquals(ExemptionStatus.INACTIVE, detail.statusProperty().get());
        assertEquals("2026-07-01 00:00 UTC (in 15 days)", detail.startsProperty().get());

        list.selectById("payments/legacy-registry");
        assertEquals("RA-2026-014", detail.riskAcceptanceProperty().get());

        list.selectById("kube-system/cni-legacy");
        assertEquals("—", detail.requestorProperty().get());
        var first = detail.findings().getFirst().code().severity();
        assertTrue(detail.findings().stream().allMatch(f -> f.code().severity().compareTo(first) >= 0),
                "most severe first");
    }

    @Test
    void clearsWhenTheSelectionGoes() {
        list.selectById("ci/build-privileged");
        assertEquals("Revoked", detail.statusTextProperty().get());
        list.selectedRowProperty().set(null);
        assertFalse(detail.presentProperty().get());
        assertEquals("", detail.yamlProperty().get());
    }
}
