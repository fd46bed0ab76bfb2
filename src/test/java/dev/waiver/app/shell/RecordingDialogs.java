package dev.waiver.app.shell;

import dev.waiver.app.ui.DialogService;
import java.util.ArrayList;
import java.util.List;

/// A [DialogService] that remembers what it would have shown.
final class RecordingDialogs implements DialogService {

    final List<String> shown = new ArrayList<>();

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
}
