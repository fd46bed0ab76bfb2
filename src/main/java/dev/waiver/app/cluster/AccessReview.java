package dev.waiver.app.cluster;

import dev.waiver.app.cluster.AccessDecision.Allowed;
import dev.waiver.app.cluster.AccessDecision.Denied;
import dev.waiver.app.cluster.AccessDecision.Unknown;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/// Asks the cluster whether the current user may create, update or delete exceptions in a namespace
/// (SelfSubjectAccessReview, `kubectl auth can-i`), so the UI can say so before the user tries.
///
/// The answer is a hint, not a guarantee: RBAC can change a second later, and the write itself is the
/// real test. So answers are kept for a short time per (namespace, verb) to spare the API server while
/// a list of exceptions is shown, and "cannot tell" ([Unknown]) is never kept.
public final class AccessReview {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final Clock clock;
    private final Duration ttl;
    private final ExemptionKind kind;
    private final Redaction redaction;
    private final Map<Question, Answer> answers = new ConcurrentHashMap<>();

    /// For Kyverno PolicyExceptions, answers kept for [#DEFAULT_TTL].
    public AccessReview(KubernetesClient client, Clock clock) {
        this(client, clock, DEFAULT_TTL, ExemptionKind.KYVERNO_V2);
    }

    public AccessReview(KubernetesClient client, Clock clock, Duration ttl, ExemptionKind kind) {
        this.client = SingleAttempt.of(client);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.redaction = new Redaction(client.getConfiguration());
    }

    /// Blocks for one request unless a recent answer is kept.
    public AccessDecision check(String namespace, WriteVerb verb) {
        var question = new Question(namespace, verb);
        Instant now = clock.instant();
        Answer kept = answers.get(question);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.decision();
        }
        AccessDecision decision = ask(question);
        if (!(decision instanceof Unknown)) {
            answers.put(question, new Answer(decision, now.plus(ttl)));
        }
        return decision;
    }

    /// Drops every kept answer, e.g. after the user logged in as someone else.
    public void forget() {
        answers.clear();
    }

    private AccessDecision ask(Question question) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                .withGroup(kind.group()).withResource(kind.plural()).withVerb(question.verb().rbacVerb())
                .withNamespace(question.namespace()).endResourceAttributes().endSpec().build();
        try {
            SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
            SubjectAccessReviewStatus status = answer == null ? null : answer.getStatus();
            if (status == null || status.getAllowed() == null) {
                return new Unknown("The cluster answered the access review without a decision.");
            }
            if (Boolean.TRUE.equals(status.getAllowed())) {
                return new Allowed();
            }
            return new Denied(deniedReason(question, status));
        } catch (KubernetesClientException failure) {
            return new Unknown(unknownReason(failure));
        }
    }

    private String deniedReason(Question question, SubjectAccessReviewStatus status) {
        String because = status.getReason() == null || status.getReason().isBlank()
                ? (status.getEvaluationError() == null ? "" : status.getEvaluationError()) : status.getReason();
        String base = "RBAC does not allow " + question.verb().rbacVerb() + " on " + kind.resourceName()
                + " in namespace " + question.namespace();
        return because.isBlank() ? base + "." : base + ": " + redaction.clean(because.strip()) + ".";
    }

    private static String unknownReason(KubernetesClientException failure) {
        int code = failure.getCode();
        if (code == 401) {
            return "Cannot tell: the credentials for this cluster expired or were rejected; log in again "
                    + "(e.g. run your exec plugin or `kubectl` login).";
        }
        if (code == 403) {
            return "Cannot tell: the cluster does not let this user ask what it may do.";
        }
        if (code == 404 || code == 422 || code == 400) {
            return "Cannot tell: the cluster does not answer access reviews (HTTP " + code + ").";
        }
        if (code > 0) {
            return "Cannot tell: the access review failed (HTTP " + code + ").";
        }
        return Refusals.isTimeout(failure)
                ? "Cannot tell: the API server did not answer in time."
                : "Cannot tell: cannot reach the API server.";
    }

    private record Question(String namespace, WriteVerb verb) {
    }

    private record Answer(AccessDecision decision, Instant until) {
    }
}
