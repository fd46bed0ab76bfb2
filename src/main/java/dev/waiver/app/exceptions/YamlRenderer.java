package dev.waiver.app.exceptions;

import java.util.Map;

/// Turns an object tree back into YAML for the detail pane. An interface so the ViewModel does not pick
/// the YAML library (the composition root does) and tests can render trivially.
@FunctionalInterface
public interface YamlRenderer {
    String render(Map<String, Object> document);
}
