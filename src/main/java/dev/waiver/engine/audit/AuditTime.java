package dev.waiver.engine.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/// The one text form of an audit time: RFC 3339 in UTC with exactly nine fraction digits
/// (`2026-11-23T12:00:00.000000000Z`). One fixed width means one encoding per instant (the hash must not
/// depend on how a time happened to be printed) and text order equals time order.
///
/// Written by hand because the chain encodes a time per entry and verification must reach 500k entries/s;
/// `DateTimeFormatter` costs about as much as the hash itself.
public final class AuditTime {

    /// Years outside 0000–9999 need a sign and more digits; the formatter handles those rare ones.
    private static final DateTimeFormatter WIDE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(ZoneOffset.UTC);
    static final int WIDTH = 30;

    private AuditTime() {
    }

    public static String format(Instant time) {
        byte[] buffer = new byte[WIDTH];
        int n = write(time, buffer, 0);
        if (n < 0) {
            return WIDE.format(time);
        }
        return new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /// Writes the canonical form of `time` at `offset` and returns its length, or -1 when the year needs the
    /// wide form (the caller then uses [#format]).
    static int write(Instant time, byte[] buffer, int offset) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return -1;
        }
        int i = offset;
        i = digits(year, 4, buffer, i);
        buffer[i++] = '-';
        i = digits(t.getMonthValue(), 2, buffer, i);
        buffer[i++] = '-';
        i = digits(t.getDayOfMonth(), 2, buffer, i);
        buffer[i++] = 'T';
        i = digits(t.getHour(), 2, buffer, i);
        buffer[i++] = ':';
        i = digits(t.getMinute(), 2, buffer, i);
        buffer[i++] = ':';
        i = digits(t.getSecond(), 2, buffer, i);
        buffer[i++] = '.';
        i = digits(time.getNano(), 9, buffer, i);
        buffer[i++] = 'Z';
        return i - offset;
    }

    /// Reads the canonical form quickly and any other RFC 3339 instant (`Z` or an offset) the slow way.
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() == WIDTH && canonicalShape(text)) {
            try {
                long seconds = LocalDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2),
                        number(text, 11, 2), number(text, 14, 2), number(text, 17, 2)).toEpochSecond(ZoneOffset.UTC);
                return Optional.of(Instant.ofEpochSecond(seconds, number(text, 20, 9)));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /// True for the canonical form of a real instant, as UTF-8 (ASCII) bytes.
    /// Checked on the bytes as they are, once per entry when verifying a stored chain.
    static boolean isCanonical(byte[] text) {
        if (text.length != WIDTH) {
            return false;
        }
        for (int i = 0; i < WIDTH; i++) {
            if (!shapeAt(i, (char) (text[i] & 0xff))) {
                return false;
            }
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
                && number(text, 11, 2) < 24 && number(text, 14, 2) < 60 && number(text, 17, 2) < 60;
    }

    private static boolean canonicalShape(String s) {
        for (int i = 0; i < WIDTH; i++) {
            if (!shapeAt(i, s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /// Whether `c` may stand at position `i` of the canonical form.
    private static boolean shapeAt(int i, char c) {
        return switch (i) {
            case 4, 7 -> c == '-';
            case 10 -> c == 'T';
            case 13, 16 -> c == ':';
            case 19 -> c == '.';
            case 29 -> c == 'Z';
            default -> c >= '0' && c <= '9';
        };
    }

    private static int number(String s, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    private static int number(byte[] s, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + (s[i] - '0');
        }
        return value;
    }

    private static int digits(int value, int width, byte[] buffer, int at) {
        for (int i = at + width - 1; i >= at; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
