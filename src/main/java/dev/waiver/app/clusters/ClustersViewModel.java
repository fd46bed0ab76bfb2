package dev.waiver.app.clusters;

import dev.waiver.app.cluster.ClusterErrors;
import dev.waiver.app.cluster.KubeContext;
import dev.waiver.app.ui.BackgroundRunner;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/// The Clusters screen: the kubeconfig's contexts, which are chosen, and Connect, which opens them as the
/// register; each context's state comes from the [ClusterSession].
///
/// The kubeconfig is read when the screen is first shown and on Reload, off the FX thread. A missing
/// kubeconfig is an empty state that says where Waiver looked; one that cannot be read is one message.
public final class ClustersViewModel {

    /// Opens the chosen contexts as the window's workspace.
    @FunctionalInterface
    public interface Connect {
        void open(Optional<Path> kubeconfig, List<String> contexts);
    }

    private final KubeconfigSource source;
    private final ClusterSession session;
    private final BackgroundRunner runner;
    private final Connect connect;

    private final ObservableList<ContextRow> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.selectedProperty(), row.stateProperty()});
    private final ObservableList<ContextRow> rowView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper kubeconfigText = new ReadOnlyStringWrapper(this, "kubeconfigText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private final ReadOnlyBooleanWrapper canConnect = new ReadOnlyBooleanWrapper(this, "canConnect");
    private final ReadOnlyBooleanWrapper allSelected = new ReadOnlyBooleanWrapper(this, "allSelected");
    private boolean activated;
    private int generation;

    public ClustersViewModel(KubeconfigSource source, ClusterSession session, BackgroundRunner runner, Connect connect) {
        this.source = source;
        this.session = session;
        this.runner = runner;
        this.connect = connect;
        canConnect.bind(Bindings.createBooleanBinding(
                () -> !reading.get() && rows.stream().anyMatch(r -> r.selectedProperty().get()), rows, reading));
        allSelected.bind(Bindings.createBooleanBinding(
                () -> !rows.isEmpty() && rows.stream().allMatch(r -> r.selectedProperty().get()), rows));
        session.statuses().addListener((MapChangeListener<String, ContextStatus>) change ->
                rows.stream().filter(r -> r.name().equals(change.getKey())).forEach(r -> r.show(change.getMap().get(change.getKey()))));
    }

    public ObservableList<ContextRow> rows() {
        return rowView;
    }

    /// `Kubeconfig: /home/ana/.kube/config`
    public ReadOnlyStringProperty kubeconfigTextProperty() {
        return kubeconfigText.getReadOnlyProperty();
    }

    /// Why the kubeconfig cannot be used (one line, quoting nothing from it); empty when it can.
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /// What the list says when it has no rows: where Waiver looked, or that the kubeconfig has no contexts.
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canConnectProperty() {
        return canConnect.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty allSelectedProperty() {
        return allSelected.getReadOnlyProperty();
    }

    /// The screen is showing: read the kubeconfig the first time.
    public void activate() {
        if (!activated) {
            activated = true;
            refresh();
        }
    }

    /// Reads the kubeconfig again (the user may have added a context); choices are kept by name.
    public void refresh() {
        int mine = ++generation;
        reading.set(true);
        emptyText.set("Reading the kubeconfig…");
        runner.run(source::read, result -> {
            if (mine == generation) {
                show(result);
            }
        }, error -> {
            if (mine == generation) {
                show(new KubeconfigSource.Unreadable(ClusterErrors.rootMessage(error)));
            }
        });
    }

    public void selectAll(boolean all) {
        rows.forEach(r -> r.selectedProperty().set(all));
    }

    /// Opens the chosen contexts, in kubeconfig order, as the register.
    public void connect() {
        if (canConnect.get()) {
            connect.open(source.explicit(), rows.stream().filter(r -> r.selectedProperty().get()).map(ContextRow::name).toList());
        }
    }

    private void show(KubeconfigSource.Reading result) {
        reading.set(false);
        switch (result) {
            case KubeconfigSource.Found found -> {
                problem.set("");
                kubeconfigText.set("Kubeconfig: " + found.kubeconfigs().files().stream().map(Path::toString)
                        .collect(Collectors.joining(", ")));
                emptyText.set("The kubeconfig has no contexts.");
                setRows(found.kubeconfigs().contexts());
            }
            case KubeconfigSource.Missing missing -> {
                problem.set("");
                kubeconfigText.set("No kubeconfig");
                emptyText.set("No kubeconfig found. Waiver looked " + where(missing.lookedAt())
                        + ". Set KUBECONFIG, or start Waiver with --kubeconfig FILE.");
                rows.clear();
            }
            case KubeconfigSource.Unreadable unreadable -> {
                problem.set(unreadable.message());
                kubeconfigText.set("Kubeconfig: " + source.candidates().stream().map(Path::toString)
                        .collect(Collectors.joining(", ")));
                emptyText.set("The kubeconfig cannot be read.");
                rows.clear();
            }
        }
    }

    private String where(List<Path> lookedAt) {
        String files = lookedAt.stream().map(Path::toString).collect(Collectors.joining(", "));
        if (source.explicit().isPresent()) {
            return "for " + files + " (--kubeconfig)";
        }
        if (source.variable().filter(v -> !v.isBlank()).isPresent()) {
            return "for the files KUBECONFIG lists: " + files;
        }
        return "for " + files + " (KUBECONFIG is not set)";
    }

    /// Keeps the choices already made; the first time, chooses the contexts the register shows, else the
    /// current context.
    private void setRows(List<KubeContext> contexts) {
        Set<String> chosen = rows.stream().filter(r -> r.selectedProperty().get()).map(ContextRow::name)
                .collect(Collectors.toCollection(HashSet::new));
        if (rows.isEmpty()) {
            chosen.addAll(session.openContextsProperty().get());
            if (chosen.isEmpty()) {
                contexts.stream().filter(KubeContext::current).map(KubeContext::name).forEach(chosen::add);
            }
        }
        var fresh = contexts.stream().map(ContextRow::new).toList();
        for (ContextRow row : fresh) {
            row.selectedProperty().set(chosen.contains(row.name()));
            row.show(session.statuses().get(row.name()));
        }
        rows.setAll(fresh);
    }
}
