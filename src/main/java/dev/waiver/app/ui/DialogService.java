package dev.waiver.app.ui;

import java.nio.file.Path;
import java.util.Optional;

/// What a ViewModel may ask of the user. ViewModels never open windows themselves: they call this, so
/// they stay testable without a display and the tests can record what would have been shown.
public interface DialogService {

    void showError(String title, String message);

    void showInformation(String title, String message);

    /// True when the user agrees.
    boolean confirm(String title, String message);

    /// A folder the user picks, starting in `initial` when it exists; empty when they cancel. A default
    /// that picks nothing, so a service that cannot show a chooser still compiles and simply declines.
    default Optional<Path> chooseFolder(String title, Optional<Path> initial) {
        return Optional.empty();
    }

    /// A file to write that the user picks or names, starting in `folder` when it exists with `name`
    /// suggested; empty when they cancel. Declines by default, like [#chooseFolder].
    default Optional<Path> chooseSaveFile(String title, Optional<Path> folder, String name) {
        return Optional.empty();
    }
}
