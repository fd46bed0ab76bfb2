package dev.waiver.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;

/// The user's remembered choices (`<home>/settings.properties`): last workspace, window geometry.
///
/// Losing settings must never stop the app from starting, so a missing, unreadable or corrupt file
/// reads as empty and a bad value reads as absent. Saving writes a temporary file and moves it over the
/// old one, so a crash mid-save leaves the previous settings intact.
public final class Settings {

    public static final String FILE_NAME = "settings.properties";

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /// Reads `file` if it exists and parses; otherwise starts empty.
    public static Settings load(Path file) {
        var settings = new Settings(file);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.values.load(reader);
            } catch (IOException | IllegalArgumentException corrupt) {
                settings.values.clear();
            }
        }
        return settings;
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

    public void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    public void put(String key, double value) {
        put(key, Double.toString(value));
    }

    public void put(String key, boolean value) {
        put(key, Boolean.toString(value));
    }

    public void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            values.store(writer, "Waiver settings");
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
