package dev.waiver.app.exceptions;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/// The Exceptions screen: register and detail side by side, load problems below when opened.
public final class ExceptionsScreen extends BorderPane {

    private final ExceptionListView list;

    public ExceptionsScreen(ExceptionListViewModel listViewModel, ExemptionDetailViewModel detailViewModel) {
        this(listViewModel, detailViewModel, new Node[0]);
    }

    /// `moreDetail`: sections other features add to the detail pane, under its header.
    public ExceptionsScreen(ExceptionListViewModel listViewModel, ExemptionDetailViewModel detailViewModel,
                            Node... moreDetail) {
        getStyleClass().add("exceptions-screen");
        list = new ExceptionListView(listViewModel);
        var detail = new ExemptionDetailView(detailViewModel, moreDetail);
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
