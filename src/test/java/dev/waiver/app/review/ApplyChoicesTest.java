package dev.waiver.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.review.RequestForm;
import dev.waiver.engine.review.ReviewCase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Which context Apply suggests on a register of several: the one the failing resource was read from
/// wins over the guess from where the request's namespace already has exceptions.
class ApplyChoicesTest {

    @TempDir
    Path folder;

    ReviewDesk desk;
    ApplyChoices choices;

    @BeforeEach
    void openTwoContexts() throws Exception {
        desk = new ReviewDesk(folder);
        desk.contexts.set(List.of("staging", "prod"));
        // `staging` holds an exception in `payments`: the namespace alone points there (and it is listed first).
        var inStaging = KyvernoObjects.toExemption(Map.of(
                "apiVersion", "kyverno.io/v2", "kind", "PolicyException",
                "metadata", Map.of("name", "older", "namespace", "payments"),
                "spec", Map.of("exceptions", List.of(Map.of("policyName", "p", "ruleNames", List.of("r"))),
                        "match", Map.of("any", List.of(Map.of("resources", Map.of("kinds", List.of("Pod"))))))),
                Source.context("staging"), Optional.empty());
        desk.workspace.set(new Workspace("staging, prod", Source.context("staging,prod"), List.of(inStaging),
                PolicyCatalog.empty(), List.of(), List.of(), List.of()));
        choices = new ApplyChoices(desk.workspace, desk.contexts);
    }

    ReviewCase requestFor(String resourceContext) {
        var form = new RequestForm("disallow-privileged-containers", List.of("privileged-containers"),
                List.of("payments"), List.of("Pod"), List.of("vendor-api-1"), "vendor image needs privileged mode",
                Optional.empty(), Optional.empty(), desk.clock.instant().plus(Duration.ofDays(10)), "dana",
                Optional.empty(), Optional.of(resourceContext));
        return ((ReviewResult.Recorded) desk.service.request(form, Optional.empty())).after();
    }

    @Test
    void suggestsTheContextTheFailingResourceWasReadFrom() {
        var question = choices.question(requestFor("prod"));

        assertThat(question.suggested()).isEqualTo(new ReviewDialogs.ToContext("prod"));
    }

    @Test
    void withoutARecordedContextTheNamespaceStillDecides() {
        assertThat(choices.question(requestFor("")).suggested()).isEqualTo(new ReviewDialogs.ToContext("staging"));
    }

    @Test
    void aRecordedContextThatIsNotOpenIsNotSuggested() {
        assertThat(choices.question(requestFor("dev")).suggested()).isEqualTo(new ReviewDialogs.ToContext("staging"));
    }
}
