package dev.waiver.app.export;

import java.util.Locale;

/// The forms an audit export takes.
public enum ExportFormat {
    /// One row per entry (RFC 4180), for spreadsheets.
    CSV,
    /// Every field of every entry and the head: what `waiver audit verify --export` checks on its own.
    JSON,
    /// A self-contained report for people: decisions with who, when and why, and the head hash.
    HTML;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
