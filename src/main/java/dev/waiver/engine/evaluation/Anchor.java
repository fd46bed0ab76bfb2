package dev.waiver.engine.evaluation;

import java.util.Optional;

/// A pattern map key with an anchor: `(k)` conditional, `=(k)` equality, `X(k)` negation,
/// `^(k)` existence, `<(k)` global. `+(k)` is a mutate anchor and stays a plain key in validate.
record Anchor(Kind kind, String key) {

    enum Kind { CONDITIONAL, EQUALITY, NEGATION, EXISTENCE, GLOBAL }

    private static final java.util.Map<String, Optional<Anchor>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /// Parses a key; pattern keys repeat for every resource, so results are cached.
    static Optional<Anchor> parse(String text) {
        int n = text.length();
        if (n < 3 || text.charAt(n - 1) != ')') {
            return Optional.empty();  // a plain key, the common case: no cache lookup
        }
        Optional<Anchor> cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        Optional<Anchor> parsed = parseUncached(text);
        if (CACHE.size() < 100_000) {
            CACHE.put(text, parsed);
        }
        return parsed;
    }

    private static Optional<Anchor> parseUncached(String text) {
        int n = text.length();
        if (n < 3 || text.charAt(n - 1) != ')') {
            return Optional.empty();
        }
        char first = text.charAt(0);
        if (first == '(') {
            return Optional.of(new Anchor(Kind.CONDITIONAL, text.substring(1, n - 1)));
        }
        if (n < 4 || text.charAt(1) != '(') {
            return Optional.empty();
        }
        Kind kind = switch (first) {
            case '=' -> Kind.EQUALITY;
            case 'X' -> Kind.NEGATION;
            case '^' -> Kind.EXISTENCE;
            case '<' -> Kind.GLOBAL;
            default -> null;
        };
        return kind == null ? Optional.empty() : Optional.of(new Anchor(kind, text.substring(2, n - 1)));
    }

    /// The resource field name a key refers to, without any anchor.
    static String fieldName(String text) {
        return parse(text).map(Anchor::key).orElse(text);
    }
}
