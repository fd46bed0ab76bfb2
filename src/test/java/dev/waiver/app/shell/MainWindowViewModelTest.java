package dev.waiver.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.app.exceptions.ExceptionListViewModel;
import dev.waiver.app.exceptions.Fixture;
import dev.waiver.app.settings.Settings;
import dev.waiver.app.ui.ImmediateRunner;
import dev.waiver.app.ui.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Choosing, opening and remembering workspaces, and the status line, without a toolkit.
class MainWindowViewModelTest {

    @TempDir
    Path home;

    private Settings settings;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private ExceptionListViewModel exceptions;
    private MainWindowViewModel vm;

    @BeforeEach
    void build() {
        settings = Settings.load(home.resolve(Settings.FILE_NAME));
        var runner = new ImmediateRunner();
        exceptions = new ExceptionListViewModel(runner, Fixture.CLOCK, new Selection<>());
        vm = new MainWindowViewModel(exceptions, new DefaultWorkspaceLoaders(), Fixture.CLOCK, settings, runner, dialogs);
    }

    @Test
    void startsWithTheDirOptionThenTheRememberedFolderThenTheDemo() {
        Path dir = Path.of("/somewhere");
        assertEquals(new WorkspaceChoice.Folder(dir), WorkspaceChoice.initial(Optional.of(dir), settings, p -> true));
        assertInstanceOf(WorkspaceChoice.Demo.class, WorkspaceChoice.initial(Optional.empty(), settings, p -> true));
        settings.put(WorkspaceChoice.SETTING, "folder:/remembered");
        assertEquals(new WorkspaceChoice.Folder(Path.of("/remembered")),
                WorkspaceChoice.initial(Optional.empty(), settings, p -> true));
        assertInstanceOf(WorkspaceChoice.Demo.class, WorkspaceChoice.initial(Optional.empty(), settings, p -> false),
                "a remembered folder that is gone falls back to the demo");
        settings.put(WorkspaceChoice.SETTING, "nonsense");
        assertInstanceOf(WorkspaceChoice.Demo.class, WorkspaceChoice.initial(Optional.empty(), settings, p -> true));
    }

    @Test
    void openingAFolderShowsItAndRemembersIt() throws IOException {
        vm.openFolder(Fixture.folder());
        assertEquals("fixture", vm.workspaceTitleProperty().get());
        assertTrue(vm.workspaceSourceProperty().get().startsWith("folder "));
        assertEquals("Statuses as of 2026-06-15 12:00 UTC", vm.assessedTextProperty().get());
        assertEquals("9 shown / 9 total", vm.rowSummaryProperty().get());
        assertEquals("1 load problem", vm.problemSummaryProperty().get());
        assertTrue(exceptions.problemsShownProperty().get(), "a broken file opens the problems panel");
        assertTrue(vm.canReloadProperty().get());
        assertEquals("folder:" + Fixture.folder(), Settings.load(home.resolve(Settings.FILE_NAME)).get(WorkspaceChoice.SETTING).orElseThrow());
        assertTrue(dialogs.shown.isEmpty());

        exceptions.searchTextProperty().set("alice");
        assertEquals("1 shown / 9 total", vm.rowSummaryProperty().get());
        vm.toggleProblems();
        assertFalse(exceptions.problemsShownProperty().get());
    }

    @Test
    void aFolderThatFailsIsReportedAndNotRemembered() {
        vm.openDemo();
        assertEquals("demo", settings.get(WorkspaceChoice.SETTING).orElseThrow());
        vm.openFolder(home.resolve("missing"));
        assertEquals(1, dialogs.shown.size());
        assertTrue(dialogs.shown.getFirst().startsWith("error: Cannot open workspace: cannot read folder"), dialogs.shown.getFirst());
        assertEquals("demo", settings.get(WorkspaceChoice.SETTING).orElseThrow());
        assertInstanceOf(WorkspaceChoice.Demo.class, vm.currentProperty().get());
        assertEquals("Demo", vm.workspaceTitleProperty().get());
    }

    @Test
    void aStartUpFailureShowsInTheBannerNotADialog() {
        vm.start(new WorkspaceChoice.Folder(home.resolve("missing")));
        assertTrue(dialogs.shown.isEmpty());
        assertTrue(exceptions.errorMessageProperty().get().contains("missing"));
        assertEquals("No workspace", vm.workspaceTitleProperty().get());
        assertFalse(vm.canReloadProperty().get());
    }

    @Test
    void reloadReadsTheFolderAgain() throws IOException {
        Path folder = Files.createDirectories(home.resolve("ws"));
        Files.copy(Fixture.folder().resolve("ci.yaml"), folder.resolve("ci.yaml"));
        vm.openFolder(folder);
        assertEquals("2 shown / 2 total", vm.rowSummaryProperty().get());
        Files.copy(Fixture.folder().resolve("ml.yaml"), folder.resolve("ml.yaml"));
        vm.reload();
        assertEquals("3 shown / 3 total", vm.rowSummaryProperty().get());
        assertEquals("", vm.problemSummaryProperty().get());
    }

    @Test
    void aReviewStepReadsAFolderAgainForTheFileAnApplyWroteThere() throws IOException {
        Path folder = Files.createDirectories(home.resolve("ws"));
        Files.copy(Fixture.folder().resolve("ci.yaml"), folder.resolve("ci.yaml"));
        vm.openFolder(folder);
        assertEquals("2 shown / 2 total", vm.rowSummaryProperty().get());
        Files.copy(Fixture.folder().resolve("ml.yaml"), folder.resolve("ml.yaml"));
        vm.refreshRegister();
        assertEquals("3 shown / 3 total", vm.rowSummaryProperty().get());
        assertTrue(dialogs.shown.isEmpty());
    }
}
