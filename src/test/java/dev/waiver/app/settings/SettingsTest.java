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
        assertTrue(Files.notExists(file.resolveSibling("settings.properties.tmp")));
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
