package dev.waiver.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.app.cluster.ClusterWorkspaces;
import dev.waiver.app.evaluation.WorkspaceEvaluation;
import dev.waiver.app.exceptions.Fixture;
import dev.waiver.app.review.MemoryAuditLog;
import dev.waiver.app.review.RequestFormViewModel;
import dev.waiver.app.review.ReviewAccess;
import dev.waiver.app.review.ReviewService;
import dev.waiver.app.ui.DialogService;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.evaluation.RuleStatus;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.review.PolicyExceptionTrees;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.ReviewSettings;
import dev.waiver.engine.review.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/// A request made from a Compliance failure on a register of several contexts says which context the
/// failing resource was read from, so Apply can later suggest that cluster.
class RequestFromFailureTest {

    private final List<String> errors = new ArrayList<>();
    private final ReviewService service = new ReviewService(new MemoryAuditLog(), new Workflow(ReviewSettings.defaults()),
            Fixture.CLOCK, target -> {
                throw new AssertionError("nothing is applied here");
            }, () -> "R-1001");
    private final RequestFormViewModel form = new RequestFormViewModel(ReviewAccess.open(service), new ImmediateRunner(),
            new DialogService() {
                @Override
                public void showError(String title, String message) {
                    errors.add(title + ": " + message);
                }

                @Override
                public void showInformation(String title, String message) {
                }

                @Override
                public boolean confirm(String title, String message) {
                    return false;
                }
            }, Fixture.CLOCK, new SimpleObjectProperty<>(DemoResults.DEMO), new SimpleStringProperty("dana"), id -> { });
    private final Selection<SelectedResult> selection = new Selection<>();
    private final ResultDetailViewModel detail = new ResultDetailViewModel(selection, Fixture.PLAIN_YAML,
            form::requestFor, screen -> { }, new SimpleStringProperty(""));

    /// The demo's objects read from two contexts, `prod` then `staging`, merged the way the window merges
    /// them; the policies once (from `prod`), so each resource is checked once per context.
    private static final Workspace TWO_CONTEXTS = ClusterWorkspaces.merge(List.of(
            asContext("prod", DemoResults.DEMO, DemoResults.DEMO.policyDocuments()),
            asContext("staging", DemoResults.DEMO, List.of())));

    private static Workspace asContext(String context, Workspace demo, List<Map<String, Object>> policies) {
        return new Workspace(context, Source.context(context), demo.exemptions(), demo.policies(), policies,
                demo.otherDocuments(), List.of(), List.of(),
                java.util.Collections.nCopies(demo.otherDocuments().size(), context));
    }

    @Test
    void aRequestFromAFailureInStagingRecordsStagingOnTheException() {
        var evaluation = WorkspaceEvaluation.evaluate(TWO_CONTEXTS, Fixture.CLOCK, WorkspaceEvaluation.Monitor.NONE);
        var rows = new ArrayList<ResultRow>();
        evaluation.results().forEach(checked -> rows.add(ResultRow.of(rows.size(), checked)));
        var failures = rows.stream().filter(r -> r.status() == RuleStatus.FAIL && r.name().equals("redis-cart")
                && r.rule().equals("autogen-run-as-non-root")).toList();
        assertThat(failures).extracting(ResultRow::context).containsExactly("prod", "staging");

        selection.select(new SelectedResult(failures.get(1), evaluation));
        detail.requestException();
        assertThat(form.resourceContextProperty().get()).isEqualTo("staging");
        form.reasonProperty().set("redis image runs as root until the vendor fixes it");
        form.submit();

        assertThat(errors).isEmpty();
        ReviewCase requested = service.find("R-1001").orElseThrow();
        assertThat(PolicyExceptionTrees.annotation(requested.object(), "waiver.dev/context")).contains("staging");
    }

    @Test
    void aRequestFromAFolderRecordsNoContext() {
        var redis = DemoResults.row(DemoResults.ROWS, "StatefulSet", "redis-cart", "autogen-run-as-non-root");
        assertThat(redis.context()).isEmpty();

        selection.select(new SelectedResult(redis, DemoResults.EVALUATION));
        detail.requestException();
        form.reasonProperty().set("redis image runs as root until the vendor fixes it");
        form.submit();

        ReviewCase requested = service.find("R-1001").orElseThrow();
        assertThat(PolicyExceptionTrees.annotation(requested.object(), "waiver.dev/context")).isEmpty();
    }
}
