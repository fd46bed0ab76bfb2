package dev.waiver.app.exceptions;

import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.RegisterEntry;
import dev.waiver.engine.exemption.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// The register as JSON, with the fields design.md section 4 promises scripts: what `exceptions list -o json`
/// prints and what an audit export's register section holds.
public final class RegisterJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private RegisterJson() {
    }

    public static String write(List<RegisterEntry> rows) {
        return MAPPER.writeValueAsString(rows(rows));
    }

    /// The rows as JSON values (maps, lists, strings, numbers, booleans, nulls).
    public static List<Map<String, Object>> rows(List<RegisterEntry> rows) {
        return rows.stream().map(RegisterJson::row).toList();
    }

    private static Map<String, Object> row(RegisterEntry entry) {
        Exemption e = entry.exemption();
        var row = new LinkedHashMap<String, Object>();
        row.put("id", e.id());
        row.put("requestId", e.decision().requestId().orElse(null));
        row.put("name", e.name());
        row.put("namespace", e.namespace());
        row.put("source", e.source().label());
        row.put("context", e.source().kind() == Source.Kind.CONTEXT ? e.source().name() : null);
        row.put("origin", e.origin().orElse(null));
        row.put("apiVersion", e.apiVersion());
        row.put("status", entry.status().label());
        row.put("checkType", entry.checkTypeText());
        row.put("checkTypes", entry.checkTypes());
        row.put("policies", e.checks().stream().map(c -> ordered("policy", c.policy(), "rules", c.rules())).toList());
        row.put("matches", e.scope().describe());
        row.put("requestor", e.justification().requestor().orElse(null));
        row.put("reason", e.justification().reason().orElse(null));
        row.put("ticket", e.justification().ticket().orElse(null));
        row.put("approvedBy", e.decision().approvedBy().orElse(null));
        row.put("expires", entry.shownEnd().map(Object::toString).orElse(null));
        row.put("expiryEnforced", e.expiry().endEnforced());
        row.put("renewals", e.decision().renewals());
        row.put("findings", entry.findings().stream()
                .map(f -> ordered("code", f.code().code(), "severity", f.code().severity().name().toLowerCase(Locale.ROOT),
                        "message", f.message()))
                .toList());
        return row;
    }

    /// A map that keeps the order its keys are given in, so the JSON reads the same every time.
    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
