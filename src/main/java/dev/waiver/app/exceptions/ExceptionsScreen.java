package dev.waiver.app.exceptions;

import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/// The Exceptions screen: register and detail side by side, load problems below when opened.
public final class ExceptionsScreen extends BorderPane {

    private final ExceptionListView list;

    public ExceptionsScreen(ExceptionListViewModel listViewModel, ExemptionDetailViewModel detailViewModel) {
        getStyleClass().add("exceptions-screen");
        list = new ExceptionListView(listViewModel);
        var detail = new ExemptionDetailView(detailViewModel);
        var split = new SplitPane(list, detail);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(detail, false);
        setCenter(split);
        setBottom(new LoadProblemsView(listViewModel));
    }

    public void focusSearch() {
        list.focusSearch();
    }
}
