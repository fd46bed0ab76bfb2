package dev.waiver.app.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.compliance.ResultRow;
import dev.waiver.app.exceptions.Fixture;
import dev.waiver.app.settings.Settings;
import dev.waiver.app.ui.ImmediateRunner;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Opens the built-in demo workspace, as a new user first sees it, and renders the window to `target/screenshots/main-window.png` (for the
/// README), with a row selected so the detail pane shows.
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

    private static final Path OUT = Path.of("target", "screenshots", "main-window.png");
    private static final Path COMPLIANCE = Path.of("target", "screenshots", "compliance.png");
    private Stage stage;
    private WaiverApp.Composed composed;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        var settings = Settings.load(Files.createTempDirectory("waiver-home").resolve(Settings.FILE_NAME));
        composed = WaiverApp.compose(Fixture.CLOCK, settings, new ImmediateRunner(), new RecordingDialogs(),
                new DefaultWorkspaceLoaders(), WaiverApp.yamlRenderer());
        stage.setScene(WaiverApp.scene(composed.window()));
        stage.setWidth(1680);
        stage.setHeight(960);
        stage.show();
        composed.viewModel().start(new WorkspaceChoice.Demo());
    }

    @Test
    void savesTheMainWindow(FxRobot robot) throws IOException {
        robot.interact(() -> {
            var rows = composed.exceptions().rows();
            composed.exceptions().selectedRowProperty().set(rows.stream()
                    .filter(r -> r.findingCount() > 0 && r.urgency().name().equals("SOON"))
                    .findFirst().orElse(rows.getFirst()));
            composed.exceptions().problemsShownProperty().set(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        var image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        save(image[0], OUT);
        assertTrue(Files.size(OUT) > 10_000);
        assertTrue(composed.exceptions().rows().size() >= 30, "the demo shows its whole register");
    }

    /// The Compliance screen on the demo, its rows filtered to one namespace, with a Skip selected that
    /// names its exception and hides a failure: `target/screenshots/compliance.png`.
    @Test
    void savesTheComplianceScreen(FxRobot robot) throws IOException {
        robot.clickOn("#navCompliance");
        robot.interact(() -> {
            var table = robot.lookup("#resultsTable").queryAs(TableView.class);
            @SuppressWarnings("unchecked")
            var items = (java.util.List<ResultRow>) table.getItems();
            var skip = items.stream().filter(r -> r.hidesFailure() && r.name().equals("cart-service-legacy")).findFirst()
                    .orElseThrow();
            table.getSelectionModel().select(skip);
            table.scrollTo(Math.max(0, items.indexOf(skip) - 6));
        });
        WaitForAsyncUtils.waitForFxEvents();
        var image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        save(image[0], COMPLIANCE);
        assertTrue(Files.size(COMPLIANCE) > 10_000);
    }

    static void save(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
