package dev.waiver.engine.exemption;

import java.util.Optional;

/// Who asked for the exception and why, from the object's annotations.
public record Justification(
        Optional<String> requestor,
        Optional<String> reason,
        Optional<String> ticket,
        Optional<String> riskAcceptance) {

    public static Justification none() {
        return new Justification(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
