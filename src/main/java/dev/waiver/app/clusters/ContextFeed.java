package dev.waiver.app.clusters;

import dev.waiver.app.cluster.ContextChoice;
import dev.waiver.app.workspace.Workspace;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/// Kubeconfig contexts as the window's workspace: a workspace that keeps changing after it loaded. The
/// main window hands it the contexts to open and stops it when another workspace opens.
public interface ContextFeed {

    /// Which version of the contexts' register a delivery is.
    enum Stage {
        /// The last snapshots, shown before any server answers.
        SNAPSHOT,
        /// What the servers answered (a context that did not answer: its snapshot, marked offline).
        READ,
        /// A change the watches saw, or a context that went offline or came back.
        CHANGE
    }

    /// Hears the register, on the FX thread.
    interface Updates {
        void workspace(Workspace workspace, Stage stage);

        /// Nothing could be shown: no context could be read and none has a snapshot.
        void failed(String message);
    }

    /// Stops whatever was open, then opens the contexts chosen (which ones the kubeconfig holds is read then).
    void open(Optional<Path> kubeconfig, ContextChoice contexts, Updates updates);

    /// Stops reading and watching; nothing more is delivered.
    void stop();

    /// True while the servers are being read.
    ReadOnlyBooleanProperty connectingProperty();

    /// A window without clusters: opening contexts fails.
    static ContextFeed none() {
        var connecting = new ReadOnlyBooleanWrapper(false);
        return new ContextFeed() {
            @Override
            public void open(Optional<Path> kubeconfig, ContextChoice contexts, Updates updates) {
                updates.failed("this window cannot open cluster contexts");
            }

            @Override
            public void stop() {
            }

            @Override
            public ReadOnlyBooleanProperty connectingProperty() {
                return connecting.getReadOnlyProperty();
            }
        };
    }
}
