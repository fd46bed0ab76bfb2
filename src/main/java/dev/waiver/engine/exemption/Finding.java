package dev.waiver.engine.exemption;

/// A lint finding: a stable code and a sentence for people.
public record Finding(FindingCode code, String message) {
}
