package dev.waiver.app.settings;

import dev.waiver.app.AtomicWrite;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;

/// The user's remembered choices (`<home>/settings.properties`): last workspace, window geometry.
///
/// Losing settings must never stop the app from starting, so a missing, unreadable or corrupt file
/// reads as empty and a bad value reads as absent. Saving writes a temporary file and moves it over the
/// old one, so a crash mid-save leaves the previous settings intact.
///
/// Several writers share the file (the window, `waiver settings set` in a terminal beside it), so saving
/// re-reads it and writes only the keys this instance changed on top: a window open for hours never
/// puts back a review setting that was changed (and audited) meanwhile. The window saves off the FX
/// thread while it may still put, hence the locking.
public final class Settings {

    public static final String FILE_NAME = "settings.properties";

    private final Path file;
    private final Properties values = new Properties();
    /// Keys put since the last load or save, with their new value (empty: removed).
    private final Map<String, Optional<String>> changed = new LinkedHashMap<>();

    private Settings(Path file) {
        this.file = file;
    }

    /// Reads `file` if it exists and parses; otherwise starts empty.
    public static Settings load(Path file) {
        var settings = new Settings(file);
        settings.values.putAll(read(file));
        return settings;
    }

    private static Properties read(Path file) {
        var values = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(reader);
            } catch (IOException | IllegalArgumentException corrupt) {
                values.clear();
            }
        }
        return values;
    }

    public Path file() {
        return file;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key)).filter(v -> !v.isBlank());
    }

    /// Every key that has a value, for settings grouped under a prefix.
    public java.util.Set<String> keys() {
        return values.stringPropertyNames();
    }

    public OptionalDouble getDouble(String key) {
        try {
            return get(key).map(v -> OptionalDouble.of(Double.parseDouble(v))).orElse(OptionalDouble.empty());
        } catch (NumberFormatException bad) {
            return OptionalDouble.empty();
        }
    }

    public boolean getBoolean(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }

    public synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        changed.put(key, Optional.ofNullable(value));
    }

    public void put(String key, double value) {
        put(key, Double.toString(value));
    }

    public void put(String key, boolean value) {
        put(key, Boolean.toString(value));
    }

    /// Writes this instance's changes over the file as it is now (see the class comment).
    public synchronized void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Properties merged = read(file);
        changed.forEach((key, value) -> value.ifPresentOrElse(v -> merged.setProperty(key, v), () -> merged.remove(key)));
        var text = new StringWriter();
        merged.store(text, "Waiver settings");
        AtomicWrite.writeString(file, text.toString());
        changed.clear();
        values.clear();
        values.putAll(merged);
    }
}
