package dev.waiver.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Objects;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/// The stylesheet parses without an error: JavaFX only logs a broken rule and drops what follows it, so a
/// missing brace would silently unstyle every screen after it.
class StylesheetTest {

    @Test
    void theStylesheetParsesCleanly() throws IOException {
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(Objects.requireNonNull(getClass().getResource("waiver.css")));

        assertThat(CssParser.errorsProperty()).extracting(Object::toString).isEmpty();
        assertThat(sheet.getRules()).hasSizeGreaterThan(100);
    }
}
