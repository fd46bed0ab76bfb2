package dev.waiver.app.shell;

import dev.waiver.app.settings.Settings;
import dev.waiver.app.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

/// Which workspace the window shows: a folder or the demo. Remembered in settings as `demo` or
/// `folder:<path>`, so the next start opens it again.
public sealed interface WorkspaceChoice {

    String SETTING = "workspace";

    record Folder(Path path) implements WorkspaceChoice {
        @Override
        public String settingValue() {
            return "folder:" + path;
        }

        @Override
        public WorkspaceLoader loader(WorkspaceLoaders loaders, Clock clock) {
            return loaders.folder(path);
        }
    }

    record Demo() implements WorkspaceChoice {
        @Override
        public String settingValue() {
            return "demo";
        }

        @Override
        public WorkspaceLoader loader(WorkspaceLoaders loaders, Clock clock) {
            return loaders.demo(clock);
        }
    }

    String settingValue();

    WorkspaceLoader loader(WorkspaceLoaders loaders, Clock clock);

    static Optional<WorkspaceChoice> fromSetting(String value) {
        if ("demo".equals(value)) {
            return Optional.of(new Demo());
        }
        if (value != null && value.startsWith("folder:") && value.length() > "folder:".length()) {
            try {
                return Optional.of(new Folder(Path.of(value.substring("folder:".length()))));
            } catch (RuntimeException invalidPath) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /// `--dir` if given, else the remembered workspace (a folder only while it still exists), else the demo.
    static WorkspaceChoice initial(Optional<Path> dir, Settings settings, Predicate<Path> isDirectory) {
        if (dir.isPresent()) {
            return new Folder(dir.get());
        }
        return settings.get(SETTING).flatMap(WorkspaceChoice::fromSetting)
                .filter(c -> !(c instanceof Folder f) || isDirectory.test(f.path()))
                .orElseGet(Demo::new);
    }
}
