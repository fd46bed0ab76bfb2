package dev.waiver.app.shell;

import dev.waiver.app.settings.Settings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/// Puts the window back where the user left it, unless that place is on no current screen (a monitor
/// was unplugged), in which case it opens at the default size, centred.
final class WindowGeometry {

    static final double DEFAULT_WIDTH = 1360;
    static final double DEFAULT_HEIGHT = 820;

    private WindowGeometry() {
    }

    static void restore(Stage stage, Settings settings) {
        var x = settings.getDouble("window.x");
        var y = settings.getDouble("window.y");
        var w = settings.getDouble("window.width");
        var h = settings.getDouble("window.height");
        if (w.isPresent() && h.isPresent() && w.getAsDouble() >= 400 && h.getAsDouble() >= 300) {
            stage.setWidth(w.getAsDouble());
            stage.setHeight(h.getAsDouble());
            if (x.isPresent() && y.isPresent() && !Screen.getScreensForRectangle(
                    new Rectangle2D(x.getAsDouble(), y.getAsDouble(), w.getAsDouble(), h.getAsDouble())).isEmpty()) {
                stage.setX(x.getAsDouble());
                stage.setY(y.getAsDouble());
            } else {
                stage.centerOnScreen();
            }
        } else {
            // Never larger than the screen it opens on (a small laptop display).
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(DEFAULT_WIDTH, screen.getWidth()));
            stage.setHeight(Math.min(DEFAULT_HEIGHT, screen.getHeight()));
            stage.centerOnScreen();
        }
        stage.setMaximized(settings.getBoolean("window.maximized"));
    }

    static void remember(Stage stage, Settings settings) {
        settings.put("window.maximized", stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified()) {
            settings.put("window.x", stage.getX());
            settings.put("window.y", stage.getY());
            settings.put("window.width", stage.getWidth());
            settings.put("window.height", stage.getHeight());
        }
    }
}
