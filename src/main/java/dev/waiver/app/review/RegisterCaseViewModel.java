package dev.waiver.app.review;

import dev.waiver.app.ui.Navigator;
import dev.waiver.app.ui.Screen;
import dev.waiver.app.ui.Selection;
import dev.waiver.engine.exemption.RegisterEntry;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;

/// The review case behind the register's selected exception. Renewing, revoking and removing are steps
/// of that case, taken on the Reviews screen where the rules, the reasons and the audit trail are; the
/// register leads there rather than repeating the buttons. An exception Waiver's store does not hold (it
/// was written by hand, by another tool, or requested with another data folder) has no case to open, and
/// the action says so.
public final class RegisterCaseViewModel {

    static final String NOT_MANAGED = "Not managed by Waiver: it was not requested here";

    private final Selection<RegisterEntry> selection;
    private final ObservableList<ReviewRow> cases;
    private final ObservableStringValue unavailable;
    private final Consumer<String> selectCase;
    private final Navigator navigator;

    private final CommandState open = new CommandState();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private String caseId;

    /// @param cases       every case of the store, as the Reviews screen last read it
    /// @param unavailable why the store cannot be read, empty when it can
    /// @param selectCase  selects a case on the Reviews screen
    public RegisterCaseViewModel(Selection<RegisterEntry> selection, ObservableList<ReviewRow> cases,
                                 ObservableStringValue unavailable, Consumer<String> selectCase, Navigator navigator) {
        this.selection = selection;
        this.cases = cases;
        this.unavailable = unavailable;
        this.selectCase = selectCase;
        this.navigator = navigator;
        for (Observable input : new Observable[]{selection.selectedProperty(), cases, unavailable}) {
            input.addListener(o -> evaluate());
        }
        evaluate();
    }

    /// Shows the case on the Reviews screen, selected, with its steps.
    public void open() {
        if (open.allowed()) {
            selectCase.accept(caseId);
            navigator.show(Screen.REVIEWS);
        }
    }

    private void evaluate() {
        RegisterEntry entry = selection.get().orElse(null);
        Optional<String> requestId = entry == null ? Optional.empty() : entry.exemption().decision().requestId();
        Optional<ReviewRow> row = requestId.flatMap(id -> cases.stream().filter(r -> r.id().equals(id)).findFirst());
        caseId = row.map(ReviewRow::id).orElse(null);
        if (row.isPresent()) {
            summary.set("Request " + row.get().id() + " · " + row.get().statusText() + " · " + row.get().stage().label());
            open.allow();
            return;
        }
        summary.set("");
        String why = unavailable.get();
        open.refuse(entry == null ? "Select an exception"
                : why != null && !why.isEmpty() ? "The review workflow is not available: " + why
                : NOT_MANAGED);
    }

    /// `Request R-1 · Active · Nothing to do`, or empty when there is no case.
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canOpenProperty() { return open.allowedProperty(); }
    public ReadOnlyStringProperty whyNotOpenProperty() { return open.whyNotProperty(); }
}
