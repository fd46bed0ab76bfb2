package dev.waiver.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.audit.SqliteAuditLog;
import dev.waiver.app.review.ClusterTarget;
import dev.waiver.app.review.ReviewResult;
import dev.waiver.app.review.ReviewService;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.exemption.StatusRules;
import dev.waiver.engine.review.RequestForm;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.ReviewSettings;
import dev.waiver.engine.review.Workflow;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The review workflow applying to a cluster (the CRUD mock API server over loopback): apply creates the
/// object with its expiry condition, renew updates it with the version Waiver last saw, a change made
/// behind Waiver's back is reported and never overwritten, and remove deletes that same object.
class ApplyToClusterTest {

    @TempDir
    Path home;

    LoopbackApiServer api;
    SqliteAuditLog log;
    ReviewService service;
    final Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @BeforeEach
    void start() {
        api = LoopbackApiServer.crud();
        KyvernoCrds.register(api.client);
        log = SqliteAuditLog.open(home);
        service = new ReviewService(log, new Workflow(ReviewSettings.defaults()), Clock.fixed(now, ZoneOffset.UTC),
                target -> ClusterTarget.over(target.name(), api.client, LoopbackApiServer.KUBECONFIG_USER, Optional::empty),
                () -> "R-0000abcd");
    }

    @AfterEach
    void stop() {
        log.close();
        api.close();
    }

    String approvedRequest() {
        var form = new RequestForm("require-image-signature", List.of("check-image-signature"), List.of("delta"),
                List.of("Pod"), List.of("vendor-*"), "vendor image unsigned", Optional.of("SEC-1"), Optional.empty(),
                now.plus(Duration.ofDays(5)), "dana", Optional.empty());
        var id = ((ReviewResult.Recorded) service.request(form, Optional.empty())).after().id();
        service.approve(id, "sam", "ok", Optional.empty());
        return id;
    }

    GenericKubernetesResource inCluster(String name) {
        return api.client.genericKubernetesResources("kyverno.io/v2", "PolicyException").inNamespace("delta").withName(name).get();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> asMap(GenericKubernetesResource resource) {
        return api.client.getKubernetesSerialization().convertValue(resource, Map.class);
    }

    @Test
    void applyRenewAndRemoveOnTheCluster() {
        String id = approvedRequest();
        var applied = service.apply(id, ReviewCase.Target.context(LoopbackApiServer.CONTEXT), "ops");
        assertThat(applied).as(applied.toString()).isInstanceOf(ReviewResult.Recorded.class);
        String name = service.find(id).orElseThrow().exemption().name();
        var stored = inCluster(name);
        assertThat(stored).isNotNull();
        var exemption = KyvernoObjects.toExemption(asMap(stored), Source.context("dev"), Optional.empty());
        assertThat(StatusRules.statusAt(exemption, now)).isEqualTo(ExemptionStatus.ACTIVE);
        assertThat(exemption.expiry().enforcedEnd()).contains(now.plus(Duration.ofDays(5)));
        assertThat(log.entries().getLast().record().comment()).startsWith("resourceVersion=" + stored.getMetadata().getResourceVersion());

        var renewed = service.renew(id, "sam", Duration.ofDays(10), "fix slipped");
        assertThat(renewed).as(renewed.toString()).isInstanceOf(ReviewResult.Recorded.class);
        assertThat(inCluster(name).getMetadata().getAnnotations()).containsEntry("waiver.dev/renewals", "1");

        service.revoke(id, "sam", "fixed");
        var removed = service.remove(id, "ops");
        assertThat(removed).as(removed.toString()).isInstanceOf(ReviewResult.Recorded.class);
        assertThat(inCluster(name)).isNull();
        assertThat(log.verify()).isInstanceOf(dev.waiver.engine.audit.ChainVerdict.Intact.class);
    }

    @Test
    void aChangeBehindWaiversBackIsReportedNotOverwritten() {
        String id = approvedRequest();
        service.apply(id, ReviewCase.Target.context(LoopbackApiServer.CONTEXT), "ops");
        String name = service.find(id).orElseThrow().exemption().name();
        api.client.genericKubernetesResources("kyverno.io/v2", "PolicyException").inNamespace("delta").withName(name)
                .edit(r -> {
                    r.getMetadata().getAnnotations().put("waiver.dev/reason", "edited by hand");
                    return r;
                });
        int entries = log.entries().size();
        var renewed = service.renew(id, "sam", Duration.ofDays(10), "fix slipped");
        assertThat(renewed).isInstanceOfSatisfying(ReviewResult.Failed.class, f -> {
            assertThat(f.message()).contains("waiver.dev/reason").contains("Nothing was overwritten");
            assertThat(f.recorded()).isTrue();
        });
        assertThat(inCluster(name).getMetadata().getAnnotations()).containsEntry("waiver.dev/reason", "edited by hand");
        assertThat(log.entries()).hasSize(entries + 1);
        assertThat(log.entries().getLast().record().action()).isEqualTo(AuditAction.RENEW);
    }
}
