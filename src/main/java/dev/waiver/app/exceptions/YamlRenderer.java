package dev.waiver.app.exceptions;

import java.util.Map;

/// Turns an object tree back into YAML for the detail pane. An interface so the ViewModel does not pick
/// the YAML library (the composition root does) and tests can render trivially.
@FunctionalInterface
public interface YamlRenderer {
    String render(Map<String, Object> document);

    /// The YAML, or a YAML comment saying why it cannot be shown: what a detail pane displays.
    default String renderOrExplain(Map<String, Object> document) {
        try {
            return render(document);
        } catch (RuntimeException failed) {
            return "# cannot show YAML: " + failed.getMessage();
        }
    }
}
