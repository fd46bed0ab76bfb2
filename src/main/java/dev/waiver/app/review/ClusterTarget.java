package dev.waiver.app.review;

import dev.waiver.app.cluster.AccessDecision;
import dev.waiver.app.cluster.AccessReview;
import dev.waiver.app.cluster.AlreadyGone;
import dev.waiver.app.cluster.ClusterIdentity;
import dev.waiver.app.cluster.ClusterWriter;
import dev.waiver.app.cluster.Conflict;
import dev.waiver.app.cluster.Deleted;
import dev.waiver.app.cluster.IdentityLookup;
import dev.waiver.app.cluster.Refused;
import dev.waiver.app.cluster.WriteVerb;
import dev.waiver.app.cluster.Written;
import dev.waiver.engine.review.PolicyExceptionTrees;
import dev.waiver.engine.tree.Trees;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/// Applies exceptions to a cluster context through its writer. An object Waiver applied before carries
/// the server's `resourceVersion` and `uid`, so a renewal or revocation is an update that fails with a
/// conflict if someone changed the object meanwhile, and a removal deletes only that same object.
/// A conflict is never overwritten: the message says what changed, and the user decides.
///
/// A new object goes into the context's exceptions namespace when one is known (the user's setting for
/// the context, or Kyverno's `--exceptionNamespace`): Kyverno ignores exceptions anywhere else. Before
/// anything is recorded, the cluster is asked whether RBAC allows the change; a clear "no" stops it,
/// "cannot tell" leaves the decision to the write itself.
public final class ClusterTarget implements ApplyTarget {

    private final String context;
    private final ClusterWriter writer;
    private final AccessReview access;
    private final IdentityLookup identity;
    private final Supplier<Optional<String>> exceptionNamespace;
    private Optional<String> namespaceForNew;

    /// @param exceptionNamespace where new objects go, asked once and only for a create; empty keeps the
    ///                           namespace the object names
    public ClusterTarget(String context, ClusterWriter writer, AccessReview access, IdentityLookup identity,
                         Supplier<Optional<String>> exceptionNamespace) {
        this.context = context;
        this.writer = writer;
        this.access = access;
        this.identity = identity;
        this.exceptionNamespace = exceptionNamespace;
    }

    /// A target over a context's client: one identity lookup shared by the writer's messages and the audit entry.
    ///
    /// @param kubeconfigUser the kubeconfig's user name for the context, the identity when the server will not say
    public static ClusterTarget over(String context, KubernetesClient client, String kubeconfigUser,
                                     Supplier<Optional<String>> exceptionNamespace) {
        var identity = new IdentityLookup(client, kubeconfigUser);
        // RBAC answers are kept for seconds of real time, whatever clock the workflow runs on.
        return new ClusterTarget(context, new ClusterWriter(client, identity), new AccessReview(client, Clock.systemUTC()),
                identity, exceptionNamespace);
    }

    @Override
    public void checkWrite(Map<String, Object> object) throws TargetWriteException {
        boolean applied = applied(object);
        allowed(namespace(applied ? object : placed(object)), applied ? WriteVerb.UPDATE : WriteVerb.CREATE);
    }

    @Override
    public void checkDelete(Map<String, Object> object) throws TargetWriteException {
        allowed(namespace(object), WriteVerb.DELETE);
    }

    @Override
    public Map<String, Object> write(Map<String, Object> object) throws TargetWriteException {
        var outcome = applied(object) ? writer.update(object, object) : writer.create(placed(object));
        return switch (outcome) {
            case Written written -> written.object();
            case Conflict conflict -> throw new TargetWriteException(conflict.summary()
                    + " Nothing was overwritten; look at the object in the cluster and decide.");
            case Refused refused -> throw new TargetWriteException(refused.reason());
        };
    }

    @Override
    public void delete(Map<String, Object> object) throws TargetWriteException {
        switch (writer.delete(object)) {
            case Deleted deleted -> { }
            case AlreadyGone gone -> { }
            case Conflict conflict -> throw new TargetWriteException(conflict.summary() + " Nothing was deleted.");
            case Refused refused -> throw new TargetWriteException(refused.reason());
        }
    }

    /// The server's name for the user where it says (SelfSubjectReview), else the kubeconfig's user name, marked so.
    @Override
    public Optional<String> writtenAs() {
        ClusterIdentity who = identity.current();
        return Optional.of(who.origin() == ClusterIdentity.Origin.SERVER ? who.username()
                : who.username() + " (the kubeconfig's user name; the server did not say)");
    }

    @Override
    public String describe() {
        return "context " + context;
    }

    private void allowed(String namespace, WriteVerb verb) throws TargetWriteException {
        if (access.check(namespace, verb) instanceof AccessDecision.Denied denied) {
            throw new TargetWriteException(denied.reason());
        }
    }

    /// The object as it will be created: moved into the exceptions namespace when one is known.
    private Map<String, Object> placed(Map<String, Object> object) {
        if (namespaceForNew == null) {
            namespaceForNew = exceptionNamespace.get().filter(ns -> !ns.isBlank());
        }
        if (namespaceForNew.isEmpty() || namespaceForNew.get().equals(namespace(object))) {
            return object;
        }
        var moved = PolicyExceptionTrees.deepCopy(object);
        if (moved.get("metadata") instanceof Map<?, ?> metadata) {
            @SuppressWarnings("unchecked")
            var writable = (Map<String, Object>) metadata;
            writable.put("namespace", namespaceForNew.get());
        }
        return moved;
    }

    private static boolean applied(Map<String, Object> object) {
        return Trees.string(object, "metadata", "resourceVersion").isPresent();
    }

    private static String namespace(Map<String, Object> object) {
        return Trees.string(object, "metadata", "namespace").orElse("");
    }
}
