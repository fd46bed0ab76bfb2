package dev.waiver.app.compliance;

import dev.waiver.app.exceptions.YamlRenderer;
import dev.waiver.app.ui.Navigator;
import dev.waiver.app.ui.Screen;
import dev.waiver.app.ui.Selection;
import dev.waiver.engine.evaluation.RuleStatus;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;

/// The Compliance result selected in the table, as text ready to show: what it is, the exception behind a
/// Skip and the failure it hides, the rule as it ran and the resource it ran on as YAML, and from a failure
/// the "Request exception…" command (or why it is not available). It follows the shared [Selection] and
/// never talks to the table's [ComplianceViewModel], so either side can change alone.
public final class ResultDetailViewModel {

    /// Opens the request form filled from a failed check (the Reviews screen's form).
    @FunctionalInterface
    public interface ExceptionRequester {
        /// @param context the kubeconfig context the resource was read from; empty for a folder or the demo
        void requestFor(String policyKey, String rule, String kind, String namespace, String name, String context);
    }

    private final Selection<SelectedResult> selection;
    private final YamlRenderer yaml;
    private final ExceptionRequester requester;
    private final Navigator navigator;
    private final ObservableStringValue reviewsUnavailable;

    private final ReadOnlyStringWrapper selectedTitle = new ReadOnlyStringWrapper(this, "selectedTitle", "");
    private final ReadOnlyStringWrapper selectedText = new ReadOnlyStringWrapper(this, "selectedText", "");
    private final ReadOnlyStringWrapper ruleYaml = new ReadOnlyStringWrapper(this, "ruleYaml", "");
    private final ReadOnlyStringWrapper resourceYaml = new ReadOnlyStringWrapper(this, "resourceYaml", "");
    private final ReadOnlyBooleanWrapper canRequest = new ReadOnlyBooleanWrapper(this, "canRequest");
    private final ReadOnlyStringWrapper requestWhyNot = new ReadOnlyStringWrapper(this, "requestWhyNot", "");

    /// @param reviewsUnavailable why the review workflow cannot take a request; empty or null when it can
    public ResultDetailViewModel(Selection<SelectedResult> selection, YamlRenderer yaml, ExceptionRequester requester,
                                 Navigator navigator, ObservableStringValue reviewsUnavailable) {
        this.selection = selection;
        this.yaml = yaml;
        this.requester = requester;
        this.navigator = navigator;
        this.reviewsUnavailable = reviewsUnavailable;
        selection.selectedProperty().addListener((obs, old, now) -> show());
        reviewsUnavailable.addListener((obs, old, now) -> show());
        show();
    }

    /// `Fail · require-labels / check-for-labels`, for the selected result.
    public ReadOnlyStringProperty selectedTitleProperty() {
        return selectedTitle.getReadOnlyProperty();
    }

    /// The selected result's resource, message, and the exception behind a Skip with its hidden result.
    public ReadOnlyStringProperty selectedTextProperty() {
        return selectedText.getReadOnlyProperty();
    }

    /// The selected result's rule as it ran, as YAML.
    public ReadOnlyStringProperty ruleYamlProperty() {
        return ruleYaml.getReadOnlyProperty();
    }

    /// The selected result's resource as YAML.
    public ReadOnlyStringProperty resourceYamlProperty() {
        return resourceYaml.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRequestProperty() {
        return canRequest.getReadOnlyProperty();
    }

    /// Why "Request exception…" is disabled, or empty.
    public ReadOnlyStringProperty requestWhyNotProperty() {
        return requestWhyNot.getReadOnlyProperty();
    }

    /// Opens the request form filled from the selected failure, on the Reviews screen.
    public void requestException() {
        Optional<SelectedResult> selected = selection.get();
        if (!canRequest.get() || selected.isEmpty()) {
            return;
        }
        ResultRow row = selected.get().row();
        requester.requestFor(row.policy(), row.rule(), row.kind(), row.namespace(), row.name(), row.context());
        navigator.show(Screen.REVIEWS);
    }

    private void show() {
        SelectedResult selected = selection.get().orElse(null);
        String unavailable = reviewsUnavailable.get() == null ? "" : reviewsUnavailable.get();
        if (selected == null) {
            selectedTitle.set("");
            selectedText.set("");
            ruleYaml.set("");
            resourceYaml.set("");
            canRequest.set(false);
            requestWhyNot.set("Select a failed check to request an exception for it");
            return;
        }
        ResultRow row = selected.row();
        selectedTitle.set(row.resultLabel() + " · " + row.policy() + " / " + row.rule());
        var text = new StringBuilder(row.kind() + " " + row.result().resource().key());
        if (!row.exceptedBy().isEmpty() && row.status() == RuleStatus.SKIP) {
            text.append("\nSkipped by ").append(row.exceptedBy())
                    .append(row.hidden().isEmpty() ? "" : "; without it: " + row.hidden());
        } else if (!row.result().message().isBlank()) {
            text.append("\n").append(row.result().message().strip());
        }
        selectedText.set(text.toString());
        ruleYaml.set(ruleText(selected));
        resourceYaml.set(yaml.renderOrExplain(row.resource()));
        if (row.status() != RuleStatus.FAIL) {
            canRequest.set(false);
            requestWhyNot.set(row.hidesFailure() ? "Already skipped by " + row.exceptedBy()
                    : "Only a failed check needs an exception: this one is " + row.resultLabel());
        } else if (!unavailable.isEmpty()) {
            canRequest.set(false);
            requestWhyNot.set("The review workflow is not available: " + unavailable);
        } else {
            canRequest.set(true);
            requestWhyNot.set("");
        }
    }

    private String ruleText(SelectedResult selected) {
        ResultRow row = selected.row();
        var document = selected.evaluation() == null ? Optional.<Map<String, Object>>empty()
                : selected.evaluation().ruleDocument(row.policy(), row.rule());
        if (document.isEmpty()) {
            return "# rule " + row.rule() + " not found in policy " + row.policy();
        }
        String heading = "# policy " + row.policy() + ", rule " + row.rule() + "\n";
        if (row.rule().startsWith("autogen-")) {
            heading += "# generated by Kyverno's autogen from the Pod rule, for Pod controllers\n";
        }
        return heading + yaml.renderOrExplain(document.get());
    }
}
