package dev.waiver.app.cluster;

import java.util.Objects;

/// One difference between two versions of an object, at a path a reviewer can read:
/// `spec.exceptions[0].ruleNames`, `metadata.annotations["waiver.dev/expires"]`.
public record FieldChange(String path, Change change) {

    public enum Change { ADDED, REMOVED, CHANGED }

    public FieldChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(change, "change");
    }

    /// `spec.exceptions changed`, `metadata.labels.team added`.
    public String describe() {
        return path + " " + switch (change) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> "changed";
        };
    }
}
