package dev.waiver.engine.evaluation;

/// Kyverno's wildcard matching: `*` is any run of characters (also empty), `?` exactly one, the
/// whole text must match, case-sensitive, no escaping. Used for names, namespaces, kinds, rule names
/// in exceptions and string patterns, so it must stay allocation-free.
public final class Wildcard {

    private Wildcard() {
    }

    /// True when `pattern` contains a wildcard character.
    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /// Matches `text` against `pattern` with greedy backtracking on the last `*` (linear for the
    /// patterns policies use, never exponential).
    public static boolean match(String pattern, String text) {
        if (!hasWildcard(pattern)) {
            return pattern.equals(text);
        }
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        int pl = pattern.length();
        int tl = text.length();
        while (t < tl) {
            if (p < pl && (pattern.charAt(p) == '?' || (pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)))) {
                p++;
                t++;
            } else if (p < pl && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pl && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pl;
    }
}
