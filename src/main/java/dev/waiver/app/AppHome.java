package dev.waiver.app;

import java.nio.file.Path;
import java.util.Locale;

/// Waiver's data folder (audit log, settings, snapshots): `--home`, else `WAIVER_HOME`, else the
/// per-OS place users expect.
public final class AppHome {

    private AppHome() {
    }

    public static Path resolve(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String env = System.getenv("WAIVER_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        Path userHome = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : userHome).resolve("Waiver");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library/Application Support/Waiver");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share")).resolve("waiver");
    }
}
