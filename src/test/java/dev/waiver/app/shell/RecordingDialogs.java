package dev.waiver.app.shell;

import dev.waiver.app.ui.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// A [DialogService] that remembers what it would have shown. Asked for a file to save, it answers the
/// suggested name in [#saveFolder] (and declines while that is null).
final class RecordingDialogs implements DialogService {

    final List<String> shown = new ArrayList<>();
    Path saveFolder;

    @Override
    public void showError(String title, String message) {
        shown.add("error: " + title + ": " + message);
    }

    @Override
    public void showInformation(String title, String message) {
        shown.add("info: " + title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        shown.add("confirm: " + title + ": " + message);
        return true;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Optional<Path> folder, String name) {
        shown.add("save: " + title + ": " + name);
        return Optional.ofNullable(saveFolder).map(f -> f.resolve(name));
    }
}
