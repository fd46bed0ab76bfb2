package dev.waiver.app.exceptions;

import dev.waiver.app.ui.Icons;
import dev.waiver.app.workspace.LoadProblem;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/// What of the workspace could not be read, one line each (file or context, line, message). Open from the
/// status bar; it matters because a broken file silently hides the exceptions it holds.
public final class LoadProblemsView extends BorderPane {

    public LoadProblemsView(ExceptionListViewModel viewModel) {
        setId("problemsPanel");
        getStyleClass().add("problems-panel");

        var title = new Label(null, Icons.LOAD_PROBLEM.node());
        title.getStyleClass().add("problems-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = viewModel.problemCountProperty().get();
            return (n == 1 ? "1 load problem" : n + " load problems")
                    + ": an unreadable file is left out of the register; an offline context shows what was last read";
        }, viewModel.problemCountProperty()));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var close = new Button("Hide");
        close.setId("hideProblemsButton");
        close.setOnAction(e -> viewModel.problemsShownProperty().set(false));
        var header = new HBox(8, title, spacer, close);
        header.getStyleClass().add("problems-header");

        var list = new ListView<>(viewModel.problems());
        list.setId("problemsList");
        list.setPrefHeight(120);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LoadProblem problem, boolean empty) {
                super.updateItem(problem, empty);
                setText(empty || problem == null ? null : problem.toString());
            }
        });
        setTop(header);
        setCenter(list);
        visibleProperty().bind(viewModel.problemsShownProperty().and(viewModel.problemCountProperty().greaterThan(0)));
        managedProperty().bind(visibleProperty());
    }
}
