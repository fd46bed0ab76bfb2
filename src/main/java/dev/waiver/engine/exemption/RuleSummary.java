package dev.waiver.engine.exemption;

/// A policy rule as far as the register needs it: its name and whether it matches Pods (and so gets
/// `autogen-` rules for the Pod controllers).
public record RuleSummary(String name, boolean matchesPods) {
}
