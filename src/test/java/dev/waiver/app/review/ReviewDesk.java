package dev.waiver.app.review;

import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.FolderWorkspace;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.review.PolicyExceptionTrees;
import dev.waiver.engine.review.RequestForm;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.ReviewSettings;
import dev.waiver.engine.review.Workflow;
import dev.waiver.engine.tree.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;

/// The Reviews screen's ViewModels wired the way the composition root wires them, over an in-memory
/// audit log, a clock the test moves, and a folder workspace the test writes (also the apply target).
final class ReviewDesk {

    static final String POLICIES = """
            apiVersion: kyverno.io/v1
            kind: ClusterPolicy
            metadata:
              name: disallow-privileged-containers
              annotations:
                policies.kyverno.io/category: Pod Security Standards (Baseline)
            spec:
              rules:
                - name: privileged-containers
                  match:
                    any:
                      - resources:
                          kinds: [Pod]
                  validate:
                    message: Privileged mode is disallowed.
                    pattern:
                      spec:
                        containers:
                          - =(securityContext):
                              =(privileged): "false"
            """;

    static String privilegedPod(String namespace, String name) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  containers:
                    - name: main
                      image: registry.example.com/app:1
                      securityContext:
                        privileged: true
                """.formatted(name, namespace);
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    final MemoryAuditLog log = new MemoryAuditLog();
    final AtomicInteger ids = new AtomicInteger();
    /// What each kubeconfig context holds, by object name; a context listed in [#refusing] refuses every write.
    final Map<String, Map<String, Map<String, Object>>> inContext = new HashMap<>();
    final Map<String, String> refusing = new HashMap<>();
    final ReviewService service = new ReviewService(log, new Workflow(ReviewSettings.defaults()), clock,
            target -> target.kind() == ReviewCase.Target.Kind.FOLDER ? new FolderTarget(Path.of(target.name()))
                    : new FakeContext(target.name()), () -> "R-" + (1000 + ids.incrementAndGet()));
    final ReviewAccess access = ReviewAccess.open(service);
    final ImmediateRunner runner = new ImmediateRunner();
    final RecordingReviewDialogs dialogs = new RecordingReviewDialogs();
    final SimpleObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    /// The contexts the register shows: none, as on a folder, until a test opens some.
    final SimpleObjectProperty<List<String>> contexts = new SimpleObjectProperty<>(List.of());
    final Selection<ReviewCase> cases = new Selection<>();
    final List<String> shownInRegister = new ArrayList<>();
    final List<String> changes = new ArrayList<>();
    final List<String> skips = new ArrayList<>();
    final Path folder;

    final ReviewsViewModel queue;
    final ReviewCaseViewModel reviewCase;
    final RequestFormViewModel form;

    ReviewDesk(Path folder) throws IOException {
        this.folder = folder;
        Files.writeString(folder.resolve("policies.yaml"), POLICIES);
        Files.writeString(folder.resolve("pods.yaml"), privilegedPod("payments", "vendor-api-1"));
        queue = new ReviewsViewModel(access, runner, clock, workspace, cases, "dana", shownInRegister::add);
        reviewCase = new ReviewCaseViewModel(access, runner, dialogs, dialogs, e -> List.copyOf(skips), clock, workspace,
                contexts, cases, queue.reviewerProperty(), id -> {
                    changes.add(id);
                    queue.refresh(id);
                });
        form = new RequestFormViewModel(access, runner, dialogs, clock, workspace, queue.reviewerProperty(), id -> {
            changes.add(id);
            queue.refresh(id);
        });
        reload();
    }

    /// A kubeconfig context in memory: objects by name, a growing resourceVersion, or one refusal for every write.
    private final class FakeContext implements ApplyTarget {
        private final String name;

        FakeContext(String name) {
            this.name = name;
        }

        @Override
        public Map<String, Object> write(Map<String, Object> object) throws TargetWriteException {
            refuse();
            var stored = PolicyExceptionTrees.deepCopy(object);
            @SuppressWarnings("unchecked")
            var metadata = (Map<String, Object>) stored.get("metadata");
            metadata.put("resourceVersion", String.valueOf(ids.incrementAndGet()));
            inContext.computeIfAbsent(name, n -> new HashMap<>()).put((String) metadata.get("name"), stored);
            return stored;
        }

        @Override
        public void delete(Map<String, Object> object) throws TargetWriteException {
            refuse();
            inContext.getOrDefault(name, new HashMap<>()).remove(Trees.string(object, "metadata", "name").orElseThrow());
        }

        private void refuse() throws TargetWriteException {
            if (refusing.containsKey(name)) {
                throw new TargetWriteException(refusing.get(name));
            }
        }

        @Override
        public String describe() {
            return "context " + name;
        }
    }

    /// Reads the folder again, as the window does after each step.
    void reload() {
        workspace.set(FolderWorkspace.loader(folder).load());
    }

    /// A request by `requestor` recorded straight through the service; its id.
    String request(String requestor, String namespace, int days) {
        var form = new RequestForm("disallow-privileged-containers", List.of("privileged-containers"), List.of(namespace),
                List.of("Pod"), List.of("vendor-*"), "vendor image needs privileged mode", Optional.of("SEC-7"),
                Optional.empty(), clock.instant().plus(Duration.ofDays(days)), requestor, Optional.empty());
        var result = service.request(form, Optional.empty());
        return ((ReviewResult.Recorded) result).after().id();
    }

    void as(String reviewer) {
        queue.reviewerProperty().set(reviewer);
    }

    void select(String id) {
        queue.refresh(id);
    }

    List<String> queueIds() {
        return queue.rows().stream().map(ReviewRow::id).toList();
    }
}
