package dev.waiver.app.shell;

import dev.waiver.app.exceptions.ExceptionsScreen;
import dev.waiver.app.ui.Icons;
import dev.waiver.app.ui.Navigator;
import dev.waiver.app.ui.Screen;
import java.io.File;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.controlsfx.control.StatusBar;

/// The main window: navigation on the left, workspace toolbar on top, the current screen in the centre
/// and a status bar below. Binds to [MainWindowViewModel]; the folder chooser lives here because it is
/// a window, and the ViewModel only receives the chosen path.
public final class MainWindow extends BorderPane implements Navigator {

    private final MainWindowViewModel viewModel;
    private final ExceptionsScreen exceptions;
    private final Map<Screen, ScreenSlot> screens;
    private final Map<Screen, Node> built = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> items = new EnumMap<>(Screen.class);

    /// `screens` holds every screen but Exceptions, which is always there; a screen without a slot shows
    /// in the navigation as coming.
    public MainWindow(MainWindowViewModel viewModel, ExceptionsScreen exceptions, Map<Screen, ScreenSlot> screens) {
        this.viewModel = viewModel;
        this.exceptions = exceptions;
        this.screens = Map.copyOf(screens);
        setId("mainWindow");
        getStyleClass().add("main-window");
        setLeft(navigation());
        setTop(toolbar());
        setCenter(exceptions);
        setBottom(statusBar());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        this::search);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), viewModel::reload);
            }
        });
    }

    /// Selects the screen's navigation entry, which puts the screen in the centre; a screen not built yet
    /// is ignored.
    @Override
    public void show(Screen screen) {
        var item = items.get(screen);
        if (item != null && !item.isDisabled()) {
            item.setSelected(true);
        }
    }

    /// Ctrl+F: the register's search field, from whichever screen is showing.
    private void search() {
        show(Screen.EXCEPTIONS);
        exceptions.focusSearch();
    }

    private Node view(Screen screen) {
        if (screen == Screen.EXCEPTIONS) {
            return exceptions;
        }
        return built.computeIfAbsent(screen, s -> screens.get(s).view().get());
    }

    private Node navigation() {
        var group = new ToggleGroup();
        var nav = new VBox(2);
        for (Screen screen : Screen.values()) {
            var item = navItem(screen, group);
            items.put(screen, item);
            var slot = screens.get(screen);
            if (screen == Screen.EXCEPTIONS) {
                nav.getChildren().add(item);
            } else if (slot == null) {
                nav.getChildren().add(coming(item, screen));
            } else {
                nav.getChildren().add(slot.badge().map(count -> withBadge(item, screen, count)).orElse(item));
            }
        }
        items.get(Screen.EXCEPTIONS).setSelected(true);
        // Keep one screen selected: clicking the current item again must not leave the nav empty.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            } else if (now != null) {
                setCenter(view((Screen) now.getUserData()));
            }
        });
        nav.setId("navigation");
        nav.getStyleClass().add("navigation");
        return nav;
    }

    private static ToggleButton navItem(Screen screen, ToggleGroup group) {
        var item = new ToggleButton(screen.label(), screen.icon().node());
        item.setId(screen.navId());
        item.setUserData(screen);
        item.setToggleGroup(group);
        item.getStyleClass().add("nav-item");
        item.setMaxWidth(Double.MAX_VALUE);
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    /// The entry with a count on it (reminders on Reviews), hidden while the count is zero. The badge's
    /// id is the entry's with `Badge` for `nav`: `#reviewsBadge`.
    private static Node withBadge(ToggleButton item, Screen screen, ObservableIntegerValue count) {
        var badge = new Label();
        badge.setId(screen.name().toLowerCase(Locale.ROOT) + "Badge");
        badge.getStyleClass().add("nav-badge");
        badge.setMouseTransparent(true);
        badge.textProperty().bind(Bindings.convert(count));
        badge.visibleProperty().bind(Bindings.greaterThan(count, 0));
        var wrapper = new StackPane(item, badge);
        StackPane.setAlignment(badge, Pos.CENTER_RIGHT);
        return wrapper;
    }

    /// A screen not built yet: disabled, with its tooltip on a wrapper because disabled nodes get no
    /// mouse events and so would never show one.
    private static Node coming(ToggleButton item, Screen screen) {
        item.setDisable(true);
        var wrapper = new StackPane(item);
        wrapper.getStyleClass().add("nav-coming");
        Tooltip.install(wrapper, new Tooltip(screen.label() + ": coming"));
        return wrapper;
    }

    private Node toolbar() {
        var brand = new Label("Waiver", Icons.APP.node());
        brand.getStyleClass().add("brand");

        var title = new Label();
        title.setId("workspaceTitle");
        title.getStyleClass().add("workspace-title");
        title.textProperty().bind(viewModel.workspaceTitleProperty());
        var source = new Label();
        source.setId("workspaceSource");
        source.getStyleClass().add("workspace-source");
        source.textProperty().bind(viewModel.workspaceSourceProperty());
        var workspace = new VBox(0, title, source);
        workspace.setAlignment(Pos.CENTER_LEFT);

        var spinner = new ProgressIndicator();
        spinner.setId("loadingIndicator");
        spinner.getStyleClass().add("toolbar-spinner");
        spinner.visibleProperty().bind(viewModel.loadingProperty());

        var open = new Button("Open folder…", Icons.OPEN_FOLDER.node());
        open.setId("openFolderButton");
        open.setTooltip(new Tooltip("Open a folder of Kyverno YAML"));
        open.setOnAction(e -> chooseFolder());
        var reload = new Button("Reload", Icons.RELOAD.node());
        reload.setId("reloadButton");
        reload.setTooltip(new Tooltip("Read the workspace again (F5)"));
        reload.disableProperty().bind(viewModel.canReloadProperty().not());
        reload.setOnAction(e -> viewModel.reload());
        var demo = new Button("Demo", Icons.DEMO.node());
        demo.setId("demoButton");
        demo.setTooltip(new Tooltip("Open the built-in demo workspace"));
        demo.setOnAction(e -> viewModel.openDemo());

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(10, brand, new Separator(javafx.geometry.Orientation.VERTICAL), workspace, spacer,
                spinner, open, reload, demo);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("toolbar");
        bar.getStyleClass().add("app-toolbar");
        return bar;
    }

    private void chooseFolder() {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of Kyverno YAML");
        if (viewModel.currentProperty().get() instanceof WorkspaceChoice.Folder(var path)) {
            File dir = path.toFile();
            if (dir.isDirectory()) {
                chooser.setInitialDirectory(dir);
            }
        }
        File chosen = chooser.showDialog(getScene().getWindow());
        if (chosen != null) {
            viewModel.openFolder(chosen.toPath());
        }
    }

    private Node statusBar() {
        var bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(viewModel.assessedTextProperty());
        bar.progressProperty().bind(Bindings.when(viewModel.loadingProperty()).then(-1.0).otherwise(0.0));

        var rows = new Label();
        rows.setId("rowCount");
        rows.getStyleClass().add("status-rows");
        rows.textProperty().bind(viewModel.rowSummaryProperty());

        var problems = new Hyperlink(null, Icons.LOAD_PROBLEM.node());
        problems.setId("problemsLink");
        problems.getStyleClass().add("status-problems");
        problems.textProperty().bind(viewModel.problemSummaryProperty());
        problems.visibleProperty().bind(viewModel.problemSummaryProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        problems.setOnAction(e -> {
            viewModel.toggleProblems();
            problems.setVisited(false);
        });
        problems.setTooltip(new Tooltip("Show the files that could not be read"));

        bar.getRightItems().addAll(problems, new Separator(javafx.geometry.Orientation.VERTICAL), rows);
        return bar;
    }
}
