package dev.waiver.app.ui;

/// What a ViewModel may ask of the user. ViewModels never open windows themselves: they call this, so
/// they stay testable without a display and the tests can record what would have been shown.
public interface DialogService {

    void showError(String title, String message);

    void showInformation(String title, String message);

    /// True when the user agrees.
    boolean confirm(String title, String message);
}
