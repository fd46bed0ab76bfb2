package dev.waiver.app.compliance;

import dev.waiver.app.evaluation.ResultCounts;
import dev.waiver.app.evaluation.WorkspaceEvaluation;
import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import java.util.Comparator;
import java.util.Map;

/// One result of the Compliance table, its cell texts computed once so scrolling and sorting read fields.
///
/// @param index   position in evaluation order (resource by resource), the order before any sort
/// @param context the kubeconfig context the resource was read from; empty for a folder or the demo
public record ResultRow(int index, RuleResult result, Map<String, Object> resource, String policy, String rule,
                        String kind, String namespace, String name, String message, String exceptedBy, String hidden,
                        String context) {

    static ResultRow of(int index, WorkspaceEvaluation.Checked checked) {
        RuleResult r = checked.result();
        var ref = r.resource();
        boolean excepted = r.status() == RuleStatus.SKIP && !r.exceptions().isEmpty();
        // The engine's message for an excepted Skip only repeats the exception names the next column shows.
        String message = excepted ? "" : oneLine(r.message());
        return new ResultRow(index, r, checked.resource(), r.policyKey(), r.ruleName(), ref.kind(), ref.namespace(),
                ref.name(), message, String.join(", ", r.exceptions()),
                r.hiddenResult().map(h -> ResultStyle.of(h).label()).orElse(""), checked.context().orElse(""));
    }

    public RuleStatus status() {
        return result.status();
    }

    /// A Skip an exception caused that would be a Fail without it.
    public boolean hidesFailure() {
        return ResultCounts.hidesFailure(result);
    }

    /// `Fail`, `Skip`, ...
    public String resultLabel() {
        return ResultStyle.of(result.status()).label();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s+", " ");
    }

    static final Comparator<ResultRow> BY_RESULT = Comparator.comparing(ResultRow::status);
    static final Comparator<ResultRow> BY_POLICY = Comparator.comparing(ResultRow::policy);
    static final Comparator<ResultRow> BY_RULE = Comparator.comparing(ResultRow::rule);
    static final Comparator<ResultRow> BY_KIND = Comparator.comparing(ResultRow::kind);
    static final Comparator<ResultRow> BY_NAMESPACE = Comparator.comparing(ResultRow::namespace);
    static final Comparator<ResultRow> BY_NAME = Comparator.comparing(ResultRow::name);
    static final Comparator<ResultRow> BY_MESSAGE = Comparator.comparing(ResultRow::message);
    static final Comparator<ResultRow> BY_EXCEPTED_BY = Comparator.comparing(ResultRow::exceptedBy);
    static final Comparator<ResultRow> BY_HIDDEN = Comparator.comparing(ResultRow::hidden);
}
