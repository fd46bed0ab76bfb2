package dev.waiver.engine.exemption;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/// RFC 3339 parsing as Kyverno's time functions accept it, and the looser forms people write by hand.
public final class Timestamps {

    private Timestamps() {
    }

    /// Strict RFC 3339 with an offset or `Z`, the only form `time_before` / `time_after` accept.
    public static Optional<Instant> parseRfc3339(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /// RFC 3339, or a bare date read as midnight UTC: enough to learn what a person meant.
    public static Optional<Instant> parseLenient(String text) {
        var strict = parseRfc3339(text);
        if (strict.isPresent()) {
            return strict;
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
