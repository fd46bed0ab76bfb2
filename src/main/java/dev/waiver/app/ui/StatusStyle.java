package dev.waiver.app.ui;

import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.FindingCode;
import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;

/// How each status and finding severity looks, everywhere: table, counters, detail, later charts.
///
/// The colour lives in two places on purpose: here for code that paints (charts, snapshots) and in
/// `waiver.css` as `-status-<name>` for styled nodes; `StatusStyleTest` keeps them equal.
public enum StatusStyle implements StatusLook {
    ACTIVE(ExemptionStatus.ACTIVE, "#1a7f37", Icons.STATUS_ACTIVE),
    IN_REVIEW(ExemptionStatus.IN_REVIEW, "#0969da", Icons.STATUS_IN_REVIEW),
    INACTIVE(ExemptionStatus.INACTIVE, "#6e7781", Icons.STATUS_INACTIVE),
    EXPIRED(ExemptionStatus.EXPIRED, "#cf222e", Icons.STATUS_EXPIRED),
    REVOKED(ExemptionStatus.REVOKED, "#8250df", Icons.STATUS_REVOKED),
    REJECTED(ExemptionStatus.REJECTED, "#9a6700", Icons.STATUS_REJECTED);

    /// Every style class a status can put on a node, to remove them all before adding the current one.
    public static final List<String> ALL_CLASSES = java.util.Arrays.stream(values()).map(StatusStyle::styleClass).toList();

    private final ExemptionStatus status;
    private final String hex;
    private final Icons icon;
    private final String styleClass;

    StatusStyle(ExemptionStatus status, String hex, Icons icon) {
        this.status = status;
        this.hex = hex;
        this.icon = icon;
        this.styleClass = "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static StatusStyle of(ExemptionStatus status) {
        return values()[status.ordinal()];
    }

    public ExemptionStatus status() {
        return status;
    }

    /// `Active`, `In Review`, ...
    @Override
    public String label() {
        return status.label();
    }

    public String hex() {
        return hex;
    }

    public Color color() {
        return Color.web(hex);
    }

    public Icons icon() {
        return icon;
    }

    /// `status-active`, `status-in-review`, ...: sets `-status-color` for the node and its children.
    public String styleClass() {
        return styleClass;
    }

    public static Icons icon(FindingCode.Severity severity) {
        return switch (severity) {
            case HIGH -> Icons.SEVERITY_HIGH;
            case MEDIUM -> Icons.SEVERITY_MEDIUM;
            case LOW -> Icons.SEVERITY_LOW;
        };
    }

    /// `severity-high`, `severity-medium`, `severity-low`.
    public static String styleClass(FindingCode.Severity severity) {
        return "severity-" + severity.name().toLowerCase(Locale.ROOT);
    }

    public static final List<String> SEVERITY_CLASSES = List.of("severity-high", "severity-medium", "severity-low");
}
