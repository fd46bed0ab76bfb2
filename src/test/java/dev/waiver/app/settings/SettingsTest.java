package dev.waiver.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path home;

    @Test
    void roundTripsValuesThroughTheFile() throws IOException {
        var file = home.resolve("nested/settings.properties");
        var settings = Settings.load(file);
        settings.put("workspace", "folder:/tmp/x y");
        settings.put("window.width", 1200.5);
        settings.put("window.maximized", true);
        settings.save();
        var again = Settings.load(file);
        assertEquals("folder:/tmp/x y", again.get("workspace").orElseThrow());
        assertEquals(1200.5, again.getDouble("window.width").orElseThrow());
        assertTrue(again.getBoolean("window.maximized"));
        try (var files = Files.list(file.getParent())) {
            assertEquals(java.util.List.of(file), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void savingKeepsWhatAnotherWriterChangedMeanwhile() throws IOException {
        var file = home.resolve("settings.properties");
        var window = Settings.load(file);
        var terminal = Settings.load(file);
        terminal.put("review.max-days", "14");
        terminal.save();
        window.put("window.width", 800.0);
        window.save();
        var both = Settings.load(file);
        assertEquals("14", both.get("review.max-days").orElseThrow());
        assertEquals(800.0, both.getDouble("window.width").orElseThrow());
        assertEquals("14", window.get("review.max-days").orElseThrow(), "a save also brings the writer up to date");
    }

    @Test
    void aCorruptFileOrValueReadsAsEmpty() throws IOException {
        var file = home.resolve("settings.properties");
        Files.writeString(file, "workspace=demo\nbroken=\\u12G4\n");
        var settings = Settings.load(file);
        assertTrue(settings.get("workspace").isEmpty());
        Files.writeString(file, "window.width=wide\n");
        assertTrue(Settings.load(file).getDouble("window.width").isEmpty());
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertTrue(Settings.load(file).get("window.width").isEmpty());
    }
}
