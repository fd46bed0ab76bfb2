package dev.waiver.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// The detail pane's YAML keeps types readable: booleans stay booleans, strings that look like
/// booleans or numbers stay quoted.
class YamlRendererTest {

    /// A detail pane shows why an object cannot be shown, as a YAML comment, rather than failing.
    @Test
    void anObjectThatCannotBeRenderedIsExplainedInTheDetailPane() {
        dev.waiver.app.exceptions.YamlRenderer failing = doc -> {
            throw new IllegalStateException("nested deeper than 100 levels");
        };
        assertEquals("# cannot show YAML: nested deeper than 100 levels", failing.renderOrExplain(Map.of("kind", "Pod")));
        assertEquals("kind: Pod\n", WaiverApp.yamlRenderer().renderOrExplain(Map.of("kind", "Pod")));
    }

    @Test
    void rendersWithoutDocumentMarkerAndQuotesAmbiguousStrings() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("kind", "PolicyException");
        doc.put("metadata", Map.of("annotations", new java.util.TreeMap<>(Map.of("waiver.dev/disabled", "true", "waiver.dev/ticket", "12345"))));
        doc.put("spec", Map.of("conditions", Map.of("all", List.of(Map.of("value", true)))));
        assertEquals("""
                kind: PolicyException
                metadata:
                  annotations:
                    waiver.dev/disabled: "true"
                    waiver.dev/ticket: "12345"
                spec:
                  conditions:
                    all:
                    - value: true
                """, WaiverApp.yamlRenderer().render(doc));
    }
}
