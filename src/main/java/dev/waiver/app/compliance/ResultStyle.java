package dev.waiver.app.compliance;

import dev.waiver.app.ui.Icons;
import dev.waiver.app.ui.StatusLook;
import dev.waiver.engine.evaluation.RuleStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/// How each evaluation result looks: its label, icon and style class. The colours live in `waiver.css`
/// (`.result-fail { -status-color: … }`), so the counters, dots and cells of the shared register styles
/// paint results the way they paint statuses.
public enum ResultStyle implements StatusLook {
    PASS(RuleStatus.PASS, "Pass", Icons.RESULT_PASS),
    FAIL(RuleStatus.FAIL, "Fail", Icons.RESULT_FAIL),
    WARN(RuleStatus.WARN, "Warn", Icons.RESULT_WARN),
    ERROR(RuleStatus.ERROR, "Error", Icons.RESULT_ERROR),
    SKIP(RuleStatus.SKIP, "Skip", Icons.RESULT_SKIP);

    /// Every style class a result can put on a node.
    public static final List<String> ALL_CLASSES = Arrays.stream(values()).map(ResultStyle::styleClass).toList();

    private final RuleStatus status;
    private final String label;
    private final Icons icon;

    ResultStyle(RuleStatus status, String label, Icons icon) {
        this.status = status;
        this.label = label;
        this.icon = icon;
    }

    public static ResultStyle of(RuleStatus status) {
        return values()[status.ordinal()];
    }

    public RuleStatus status() {
        return status;
    }

    public String label() {
        return label;
    }

    public Icons icon() {
        return icon;
    }

    /// `result-pass`, `result-fail`, ...
    public String styleClass() {
        return "result-" + status.name().toLowerCase(Locale.ROOT);
    }
}
