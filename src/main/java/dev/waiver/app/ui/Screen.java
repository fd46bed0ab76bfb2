package dev.waiver.app.ui;

/// The screens of the main window, in navigation order, with the label, node id and icon of each entry.
public enum Screen {
    EXCEPTIONS("Exceptions", "navExceptions", Icons.EXCEPTIONS),
    COMPLIANCE("Compliance", "navCompliance", Icons.COMPLIANCE),
    REVIEWS("Reviews", "navReviews", Icons.REVIEWS),
    AUDIT("Audit", "navAudit", Icons.AUDIT),
    CLUSTERS("Clusters", "navClusters", Icons.CLUSTERS);

    private final String label;
    private final String navId;
    private final Icons icon;

    Screen(String label, String navId, Icons icon) {
        this.label = label;
        this.navId = navId;
        this.icon = icon;
    }

    public String label() {
        return label;
    }

    /// The id of the screen's navigation entry (`#navReviews`), for the stylesheet and UI tests.
    public String navId() {
        return navId;
    }

    public Icons icon() {
        return icon;
    }
}
