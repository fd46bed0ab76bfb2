package dev.waiver.engine.evaluation;

/// One `kinds` entry: `Kind`, `Version/Kind`, `group/version/Kind`, optionally with a subresource.
/// Missing parts mean "any"; every part matches with wildcards.
record KindSelector(String group, String version, String kind, String subresource) {

    static KindSelector parse(String text) {
        String[] parts = text.split("/", -1);
        String group = "*";
        String version = "*";
        String kind;
        String sub = "";
        switch (parts.length) {
            case 1 -> kind = parts[0];
            case 2 -> {
                if (looksLikeVersion(parts[0])) {
                    version = parts[0];
                    kind = parts[1];
                } else {
                    kind = parts[0];
                    sub = parts[1];
                }
            }
            case 3 -> {
                if (looksLikeVersion(parts[0]) ) {
                    version = parts[0];
                    kind = parts[1];
                    sub = parts[2];
                } else {
                    group = parts[0];
                    version = parts[1];
                    kind = parts[2];
                }
            }
            default -> {
                group = parts[0];
                version = parts[1];
                kind = parts[2];
                sub = parts[3];
            }
        }
        int dot = kind.indexOf('.');
        if (sub.isEmpty() && dot > 0) {
            sub = kind.substring(dot + 1);
            kind = kind.substring(0, dot);
        }
        return new KindSelector(group, version, kind, sub);
    }

    private static boolean looksLikeVersion(String s) {
        return s.equals("*") || s.matches("v[0-9]+((alpha|beta)[0-9]+)?");
    }

    boolean matches(Resource r) {
        if (!subresource.isEmpty() && !subresource.equals("*")) {
            return false;
        }
        return Wildcard.match(kind, r.kind()) && Wildcard.match(group, r.group()) && Wildcard.match(version, r.version());
    }
}
