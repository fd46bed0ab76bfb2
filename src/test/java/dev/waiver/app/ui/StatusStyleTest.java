package dev.waiver.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.engine.exemption.ExemptionStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/// Status colours must be the same wherever they are painted: StatusStyle (code) and waiver.css (nodes).
class StatusStyleTest {

    @Test
    void everyStatusHasAStyleAndTheStylesheetAgreesOnItsColour() throws IOException {
        String css;
        try (InputStream in = StatusStyle.class.getResourceAsStream("/dev/waiver/app/ui/waiver.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        }
        for (ExemptionStatus status : ExemptionStatus.values()) {
            StatusStyle style = StatusStyle.of(status);
            assertEquals(status, style.status());
            String variable = "-" + style.styleClass() + ": " + style.hex().toLowerCase(Locale.ROOT) + ";";
            assertTrue(css.contains(variable), "waiver.css should define " + variable);
            assertTrue(css.contains("." + style.styleClass() + " { -status-color: -" + style.styleClass() + "; }"),
                    "waiver.css should map ." + style.styleClass());
        }
    }
}
