package dev.waiver.app.workspace;

import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/// Quotes every string that some YAML reader would take for something else when written plain.
///
/// Jackson's default checker leaves number-like strings (`1.0`, `0x1F`, `1e3`) and dates plain.
/// We read with the YAML 1.2 core schema, but the cluster's Go reader follows YAML 1.1 (`yes`, `on`,
/// `0777`, `1:30` sexagesimal, timestamps), so a string is quoted if either would see a non-string.
/// Quoting a string that did not need it costs two characters; missing one changes its type.
final class TypedLookingQuoting extends StringQuotingChecker.Default {

    private static final long serialVersionUID = 1L;

    private static final Pattern TYPED = Pattern.compile(String.join("|",
            "(?i:~|null|true|false|yes|no|on|off|y|n)",
            "<<|=",
            // integers: decimal, binary, octal (0o17 and 017), hex, sexagesimal; `_` separators
            "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*)",
            // floats: 1.5, .5, 1., 1e3, 1.5E-3, 190:20:30.15, .inf, .NaN
            "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?",
            "[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+",
            "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*",
            "[-+]?\\.(?i:inf)|\\.(?i:nan)",
            // timestamps: anything that starts with a date
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?"));

    /// Also a leading byte order mark: written plain as the first key it would be taken for the
    /// file's encoding mark and dropped.
    static boolean looksTyped(String value) {
        return TYPED.matcher(value).matches() || value.indexOf('\uFEFF') >= 0;
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || looksTyped(value);
    }

    @Override
    public boolean needToQuoteName(String name) {
        return super.needToQuoteName(name) || looksTyped(name);
    }
}
