package dev.waiver.app.review;

import dev.waiver.app.cluster.AlreadyGone;
import dev.waiver.app.cluster.ClusterWriter;
import dev.waiver.app.cluster.Conflict;
import dev.waiver.app.cluster.Deleted;
import dev.waiver.app.cluster.Refused;
import dev.waiver.app.cluster.Written;
import dev.waiver.engine.tree.Trees;
import java.util.Map;

/// Applies exceptions to a cluster context through its writer. An object Waiver applied before carries
/// the server's `resourceVersion` and `uid`, so a renewal or revocation is an update that fails with a
/// conflict if someone changed the object meanwhile, and a removal deletes only that same object.
/// A conflict is never overwritten: the message says what changed, and the user decides.
public final class ClusterTarget implements ApplyTarget {

    private final String context;
    private final ClusterWriter writer;

    public ClusterTarget(String context, ClusterWriter writer) {
        this.context = context;
        this.writer = writer;
    }

    @Override
    public Map<String, Object> write(Map<String, Object> object) throws TargetWriteException {
        boolean applied = Trees.string(object, "metadata", "resourceVersion").isPresent();
        var outcome = applied ? writer.update(object, object) : writer.create(object);
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

    @Override
    public String describe() {
        return "context " + context;
    }
}
