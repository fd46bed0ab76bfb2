package dev.waiver.engine.evaluation;

import io.burt.jmespath.jcf.JcfRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// Reads small JSON texts (a condition value written as `'["a","b"]'`) with the JMESPath
/// runtime's own JSON parser, so no JSON library is needed in the engine.
final class JsonText {

    private static final JcfRuntime RUNTIME = new JcfRuntime();

    private JsonText() {
    }

    static Optional<Object> parse(String text) {
        try {
            return Optional.ofNullable(Trees.normalize(RUNTIME.parseString(text)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /// A JSON array of strings, else empty (Kyverno refuses other arrays here).
    static Optional<List<String>> parseStringArray(String text) {
        var parsed = parse(text);
        if (parsed.isEmpty() || !(parsed.get() instanceof List<?> l)) {
            return Optional.empty();
        }
        var out = new ArrayList<String>(l.size());
        for (Object o : l) {
            if (!(o instanceof String s)) {
                return Optional.empty();
            }
            out.add(s);
        }
        return Optional.of(out);
    }
}
