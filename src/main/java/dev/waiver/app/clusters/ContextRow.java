package dev.waiver.app.clusters;

import dev.waiver.app.cluster.ClusterWorkspaces;
import dev.waiver.app.cluster.ConnectionState;
import dev.waiver.app.cluster.KubeContext;
import dev.waiver.app.cluster.ResourceType;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/// One context of the kubeconfig on the Clusters screen: what the kubeconfig says of it (names and the
/// server address only, never a credential), whether it is chosen, and where it stands in the register.
public final class ContextRow {

    /// How the state reads at a glance (the view colours it).
    public enum Tone { IDLE, BUSY, LIVE, WARNING, FAILED }

    private final KubeContext context;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone", Tone.IDLE);

    ContextRow(KubeContext context) {
        this.context = context;
    }

    public String name() {
        return context.name();
    }

    public boolean current() {
        return context.current();
    }

    public String server() {
        return context.server().orElse("");
    }

    public String user() {
        return context.user().orElse("");
    }

    public String namespace() {
        return context.namespace().orElse("");
    }

    /// Chosen for the next Connect.
    public BooleanProperty selectedProperty() {
        return selected;
    }

    /// `connected · 12 exceptions`, `failed: …`, empty while the context is not in the register.
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    void show(ContextStatus status) {
        state.set(text(status));
        tone.set(tone(status));
    }

    /// The status in words; null (not in the register) is empty.
    static String text(ContextStatus status) {
        return switch (status) {
            case null -> "";
            case ContextStatus.Reading(int n, String resource) when n == 0 && resource.isEmpty() -> "reading…";
            case ContextStatus.Reading(int n, String resource) when resource.equals(ResourceType.POLICY_EXCEPTION.resourceName())
                    || resource.isEmpty() -> "reading… " + exceptions(n);
            case ContextStatus.Reading(int n, String resource) ->
                    "reading " + resource.substring(0, resource.indexOf('.') < 0 ? resource.length() : resource.indexOf('.'))
                            + "… (" + exceptions(n) + ")";
            case ContextStatus.Watched(int n, ConnectionState.Live live) -> "connected · " + exceptions(n);
            case ContextStatus.Watched(int n, ConnectionState.Reconnecting r) ->
                    "reconnecting… (attempt " + r.attempt() + ": " + r.reason() + ")";
            case ContextStatus.Watched(int n, ConnectionState.Offline o) -> "offline since "
                    + ClusterWorkspaces.asOf(o.since()) + ": " + o.reason() + "; showing the last state received ("
                    + exceptions(n) + ")";
            case ContextStatus.FromSnapshot(int n, var asOf, String reason) ->
                    "offline snapshot as of " + ClusterWorkspaces.asOf(asOf) + " (" + exceptions(n) + "): " + reason;
            case ContextStatus.Failed(String reason) -> "failed: " + reason;
        };
    }

    static Tone tone(ContextStatus status) {
        return switch (status) {
            case null -> Tone.IDLE;
            case ContextStatus.Reading r -> Tone.BUSY;
            case ContextStatus.Watched(int n, ConnectionState.Live live) -> Tone.LIVE;
            case ContextStatus.Watched w -> Tone.WARNING;
            case ContextStatus.FromSnapshot s -> Tone.WARNING;
            case ContextStatus.Failed f -> Tone.FAILED;
        };
    }

    private static String exceptions(int n) {
        return n == 1 ? "1 exception" : n + " exceptions";
    }
}
