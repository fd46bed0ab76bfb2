package dev.waiver.app.review;

import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.DialogService;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.PolicySummary;
import dev.waiver.engine.exemption.RuleSummary;
import dev.waiver.engine.review.RequestForm;
import dev.waiver.engine.review.ReviewStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The request form: which policy and rules, what it matches, why, and until when. The engine's own
/// request rule judges it as it is typed, so the message under the form is the one the store would give.
/// The requestor is the reviewer named on the screen: whoever sits at this window.
public final class RequestFormViewModel {

    static final int DEFAULT_DAYS = 14;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ReviewAccess access;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Clock clock;
    private final ObservableValue<Workspace> workspace;
    private final ObservableStringValue requestor;
    private final Consumer<String> requested;

    private final StringProperty policy = new SimpleStringProperty(this, "policy", "");
    private final ObjectProperty<Set<String>> rules = new SimpleObjectProperty<>(this, "rules", Set.of());
    private final StringProperty namespaces = new SimpleStringProperty(this, "namespaces", "");
    private final StringProperty kinds = new SimpleStringProperty(this, "kinds", "Pod");
    private final StringProperty names = new SimpleStringProperty(this, "names", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty ticket = new SimpleStringProperty(this, "ticket", "");
    private final IntegerProperty days = new SimpleIntegerProperty(this, "days", DEFAULT_DAYS);
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>(this, "endDate");
    private final StringProperty exceptionNamespace = new SimpleStringProperty(this, "exceptionNamespace", "");
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", false);
    private final ReadOnlyStringWrapper resourceContext = new ReadOnlyStringWrapper(this, "resourceContext", "");

    private final ObservableList<String> policies = FXCollections.observableArrayList();
    private final ObservableList<String> availableRules = FXCollections.observableArrayList();
    // One read-only view each: a view listens to its list weakly, so a fresh one per call could stop updating.
    private final ObservableList<String> policiesView = FXCollections.unmodifiableObservableList(policies);
    private final ObservableList<String> availableRulesView = FXCollections.unmodifiableObservableList(availableRules);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper endsText = new ReadOnlyStringWrapper(this, "endsText", "");
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper(this, "canSubmit");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(this, "submitting");
    /// Why the store could not be opened, as `: reason`, once that was tried.
    private String unavailable = "";

    public RequestFormViewModel(ReviewAccess access, BackgroundRunner runner, DialogService dialogs, Clock clock,
                                ObservableValue<Workspace> workspace, ObservableStringValue requestor,
                                Consumer<String> requested) {
        this.access = access;
        this.runner = runner;
        this.dialogs = dialogs;
        this.clock = clock;
        this.workspace = workspace;
        this.requestor = requestor;
        this.requested = requested;
        workspace.addListener((obs, old, ws) -> catalogChanged());
        policy.addListener((obs, old, now) -> policyChanged());
        for (Observable input : List.<Observable>of(policy, rules, namespaces, kinds, names, reason, ticket, days, endDate,
                exceptionNamespace, requestor, open, submitting)) {
            input.addListener(o -> validate());
        }
        catalogChanged();
        validate();
    }

    // ---- commands

    /// A blank form.
    public void start() {
        fill("", Set.of(), "", "Pod", "", "");
        show();
    }

    /// The form filled from a failed check of a resource read from a folder or the demo.
    public void requestFor(String policyKey, String rule, String kind, String namespace, String name) {
        requestFor(policyKey, rule, kind, namespace, name, "");
    }

    /// The form filled from a failed check, so the requestor only adds why and until when. A generated
    /// `autogen-` rule is asked for as the Pod rule it comes from, matching Pods named after the resource:
    /// the request then adds the generated rules and controller kinds itself. The context the resource was
    /// read from goes on the request, so Apply later suggests that cluster.
    public void requestFor(String policyKey, String rule, String kind, String namespace, String name,
                           String context) {
        String podRule = rule.startsWith("autogen-cronjob-") ? rule.substring("autogen-cronjob-".length())
                : rule.startsWith("autogen-") ? rule.substring("autogen-".length()) : rule;
        boolean generated = !podRule.equals(rule);
        fill(policyKey, Set.of(podRule), namespace, generated ? "Pod" : kind,
                generated ? name + ", " + name + "-*" : name, context == null ? "" : context);
        show();
    }

    /// Shows the form and opens the store in the background (creating it on a first request), so the
    /// engine's rules can judge the form while it is filled.
    private void show() {
        open.set(true);
        if (access.current().isEmpty()) {
            runner.run(access::service, service -> validate(), error -> {
                unavailable = ": " + error.getMessage();
                validate();
            });
        }
    }

    public void cancel() {
        open.set(false);
    }

    /// Records the request In Review; on success the form closes and the queue shows the new request.
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        RequestForm form = form(clock.instant());
        Optional<PolicySummary> summary = catalog().find(form.policy());
        submitting.set(true);
        runner.run(() -> access.service().request(form, summary), result -> {
            submitting.set(false);
            switch (result) {
                case ReviewResult.Recorded r -> {
                    open.set(false);
                    fill("", Set.of(), "", "Pod", "", "");
                    requested.accept(r.after().id());
                }
                case ReviewResult.Refused r -> problem.set(sentence(r.message()));
                case ReviewResult.Failed f -> dialogs.showError("Request not recorded", f.message());
            }
        }, error -> {
            submitting.set(false);
            dialogs.showError("Request not recorded", error.getMessage() == null ? error.toString() : error.getMessage());
        });
    }

    // ---- state

    private void fill(String policyKey, Set<String> ruleNames, String namespace, String kind, String name,
                      String context) {
        resourceContext.set(context);
        policy.set(policyKey);
        rules.set(ruleNames);
        namespaces.set(namespace);
        kinds.set(kind);
        names.set(name);
        reason.set("");
        ticket.set("");
        days.set(DEFAULT_DAYS);
        endDate.set(null);
        exceptionNamespace.set("");
    }

    private void catalogChanged() {
        policies.setAll(catalog().all().stream().map(PolicySummary::key).sorted().toList());
        policyChanged();
    }

    private void policyChanged() {
        availableRules.setAll(catalog().find(policy.get()).map(p -> p.rules().stream().map(RuleSummary::name).toList())
                .orElse(List.of()));
        // A rule of another policy means nothing here; a rule typed for an unknown policy is kept.
        if (!availableRules.isEmpty() && !availableRules.containsAll(rules.get())) {
            rules.set(Set.copyOf(rules.get().stream().filter(availableRules::contains).toList()));
        }
    }

    /// Asks the engine's request rule, with a placeholder id, whether the store would take the form now.
    private void validate() {
        Instant now = clock.instant();
        RequestForm form = form(now);
        endsText.set("Ends " + DATE_TIME.format(form.expires()) + " ("
                + dev.waiver.engine.exemption.Durations.until(form.expires(), now) + ")");
        var service = access.current();
        if (service.isEmpty()) {
            problem.set("The review workflow is not available" + unavailable);
        } else if (service.get().workflow().request(form, "R-preview", catalog().find(form.policy()), now)
                instanceof ReviewStep.Refused refused) {
            problem.set(sentence(refused.message()));
        } else {
            problem.set("");
        }
        canSubmit.set(open.get() && !submitting.get() && problem.get().isEmpty());
    }

    private RequestForm form(Instant now) {
        Instant expires = endDate.get() != null ? endDate.get().atStartOfDay(ZoneOffset.UTC).toInstant()
                : now.plus(Duration.ofDays(days.get()));
        var chosenRules = rules.get().isEmpty() ? List.of("*") : rules.get().stream().sorted().toList();
        return new RequestForm(policy.get(), chosenRules, list(namespaces.get()), list(kinds.get()), list(names.get()),
                reason.get(), Optional.of(ticket.get()), Optional.empty(), expires,
                requestor.get() == null ? "" : requestor.get(), Optional.of(exceptionNamespace.get().strip()),
                Optional.of(resourceContext.get()));
    }

    private PolicyCatalog catalog() {
        Workspace ws = workspace.getValue();
        return ws == null ? PolicyCatalog.empty() : ws.policies();
    }

    /// Comma- or space-separated values, as people type them.
    static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /// The engine's sentence without the command-line flag it names (`(--reason)`), capitalised.
    static String sentence(String message) {
        String plain = message.replaceAll("\\s*\\(--[a-z-]+\\)", "");
        return plain.isEmpty() ? plain : Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
    }

    // ---- inputs and outputs

    public StringProperty policyProperty() { return policy; }
    /// The rules asked for; none means every rule of the policy (`*`).
    public ObjectProperty<Set<String>> rulesProperty() { return rules; }
    /// Comma- or space-separated; wildcards allowed.
    public StringProperty namespacesProperty() { return namespaces; }
    public StringProperty kindsProperty() { return kinds; }
    public StringProperty namesProperty() { return names; }
    public StringProperty reasonProperty() { return reason; }
    public StringProperty ticketProperty() { return ticket; }
    /// How long from now, unless an end date is set.
    public IntegerProperty daysProperty() { return days; }
    /// When set, the request ends at the start of this day (UTC) instead of after [#daysProperty()].
    public ObjectProperty<LocalDate> endDateProperty() { return endDate; }
    /// Where the PolicyException object lives; empty for the first namespace it matches.
    public StringProperty exceptionNamespaceProperty() { return exceptionNamespace; }
    /// Whether the form is shown.
    public BooleanProperty openProperty() { return open; }
    /// The kubeconfig context the failing resource was read from, recorded on the request; empty when none.
    public ReadOnlyStringProperty resourceContextProperty() { return resourceContext.getReadOnlyProperty(); }

    /// The workspace's policies, by key.
    public ObservableList<String> policies() { return policiesView; }
    /// The rules of the chosen policy.
    public ObservableList<String> availableRules() { return availableRulesView; }
    /// Why the store would refuse the form as it stands, or empty.
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty endsTextProperty() { return endsText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canSubmitProperty() { return canSubmit.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty submittingProperty() { return submitting.getReadOnlyProperty(); }
}
