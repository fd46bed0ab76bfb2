package dev.waiver.app;

import java.util.Locale;

/// Opens the window, after checking the things that would otherwise fail with a JavaFX stack trace.
final class WindowLauncher {

    private WindowLauncher() {
    }

    static int launch(String[] args) {
        // A mistake in the options first: it is one whether or not there is a display.
        try {
            AppOptions.parse(java.util.List.of(args));
        } catch (RuntimeException e) {
            System.err.println("waiver: " + e.getMessage());
            return 2;
        }
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        boolean headless = "Headless".equals(System.getProperty("glass.platform"));
        if (linux && !headless && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            System.err.println("waiver: no display to open the window on; run it in a desktop session, or use the command line (waiver --help)");
            return 2;
        }
        if (linux && !headless) {
            SoftwareRendering.chooseBeforeToolkitStarts();
        }
        try {
            javafx.application.Application.launch(dev.waiver.app.shell.WaiverApp.class, args);
            return 0;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("GTK")) {
                System.err.println("waiver: the window needs GTK 3 on Linux: install libgtk-3-0 (apt install libgtk-3-0)");
            } else {
                System.err.println("waiver: the window could not open: " + message);
            }
            return 1;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
