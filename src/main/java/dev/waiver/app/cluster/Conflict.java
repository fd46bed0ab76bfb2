package dev.waiver.app.cluster;

import dev.waiver.engine.tree.Trees;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/// The object in the cluster is not the one the reviewer saw: it was changed or re-created since they
/// read it (or, on create, one of that name already exists). Nothing was written. `current` is the
/// object as the cluster holds it now and `changes` says how it differs from what the reviewer saw, so
/// the caller can show both and, if the user still wants to, retry against `current`'s resourceVersion.
public record Conflict(String reason, Map<String, Object> current, List<FieldChange> changes)
        implements WriteOutcome, DeleteOutcome {

    /// Long lists are cut here in [#summary()]; `changes` keeps them all.
    private static final int SHOWN_CHANGES = 12;

    public Conflict {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(current, "current");
        changes = List.copyOf(changes);
    }

    /// The resourceVersion a retry must send.
    public String currentResourceVersion() {
        return Trees.at(current, "metadata", "resourceVersion").map(Object::toString).orElse("");
    }

    /// One paragraph for a dialog or a command line: the reason, then what changed.
    public String summary() {
        if (changes.isEmpty()) {
            return reason + "; its content is the same as what you saw (only its version moved on).";
        }
        String shown = changes.stream().limit(SHOWN_CHANGES).map(FieldChange::describe)
                .collect(Collectors.joining("; "));
        int more = changes.size() - SHOWN_CHANGES;
        return reason + ": " + shown + (more > 0 ? "; and " + more + " more" : "") + ".";
    }
}
