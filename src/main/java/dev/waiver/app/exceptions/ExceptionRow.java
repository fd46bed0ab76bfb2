package dev.waiver.app.exceptions;

import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Finding;
import dev.waiver.engine.exemption.FindingCode;
import dev.waiver.engine.exemption.RegisterEntry;
import dev.waiver.engine.tree.StringPool;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import javafx.beans.value.ObservableValue;

/// One table row: a register entry with every cell's text computed once, off the FX thread, when the
/// workspace loads. Cells only read fields, so scrolling and sorting 100k rows allocate nothing.
///
/// `index` is the row's position in the loaded register; the filter keeps its per-row verdicts in an
/// array indexed by it.
public final class ExceptionRow {

    private final int index;
    private final RegisterEntry entry;
    /// Held here, not read through `entry`, so the per-keystroke filter pass touches one object per row.
    private final ExemptionStatus status;
    private final String name;
    private final String context;
    private final String namespace;
    private final String checks;
    private final String checkType;
    private final String matches;
    private final String requestor;
    private final Instant expiresAt;
    /// `expiresAt` as epoch seconds (`Long.MAX_VALUE` without one): sorting compares primitives.
    private final long expiresKey;
    private final String expires;
    private final ExpiryUrgency urgency;
    private final int findingCount;
    private final String findingCountText;
    private final FindingCode.Severity worstSeverity;
    private final String findingsSummary;
    private final ObservableValue<ExceptionRow> value = new ConstantValue<>(this);

    ExceptionRow(int index, RegisterEntry entry, Instant now, StringPool texts) {
        this.index = index;
        this.entry = entry;
        this.status = entry.status();
        var e = entry.exemption();
        this.name = e.name();
        this.context = e.source().context().orElse("");
        this.namespace = e.namespace().isEmpty() ? Formats.NONE : e.namespace();
        this.checks = texts.of(Formats.checks(e.checks()));
        this.checkType = texts.of(entry.checkTypeText());
        this.matches = e.scope().describe();
        this.requestor = Formats.orNone(e.justification().requestor());
        this.expiresAt = entry.shownEnd().orElse(null);
        this.expiresKey = expiresAt == null ? Long.MAX_VALUE : expiresAt.getEpochSecond();
        this.expires = expiresAt == null ? "no expiry" : texts.of(Formats.dateWithDistance(expiresAt, now));
        this.urgency = ExpiryUrgency.of(entry.status(), entry.shownEnd(), now);
        this.findingCount = entry.findings().size();
        this.findingCountText = texts.of(Integer.toString(findingCount));
        this.worstSeverity = entry.findings().stream().map(f -> f.code().severity())
                .min(Comparator.naturalOrder()).orElse(null);
        this.findingsSummary = texts.of(String.join("\n", entry.findings().stream().map(ExceptionRow::findingLine).toList()));
    }

    private static String findingLine(Finding f) {
        return f.code().severity() + "  " + f.code().code() + ": " + f.message();
    }

    public int index() {
        return index;
    }

    public RegisterEntry entry() {
        return entry;
    }

    public String id() {
        return entry.exemption().id();
    }

    public ExemptionStatus status() {
        return status;
    }

    int statusOrdinal() {
        return status.ordinal();
    }

    public String name() {
        return name;
    }

    /// The kubeconfig context the exception was read from or applied to; blank for a folder's exception,
    /// the demo's, or a local request not yet applied.
    public String context() {
        return context;
    }

    public String namespace() {
        return namespace;
    }

    /// Policies and rules, `policy: rule-a, rule-b; other: *`.
    public String checks() {
        return checks;
    }

    public String checkType() {
        return checkType;
    }

    public String matches() {
        return matches;
    }

    public String requestor() {
        return requestor;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /// `2026-06-18 · in 3 days`, or `no expiry`.
    public String expires() {
        return expires;
    }

    public ExpiryUrgency urgency() {
        return urgency;
    }

    public int findingCount() {
        return findingCount;
    }

    String findingCountText() {
        return findingCountText;
    }

    /// The most severe finding's severity, or empty when there are none.
    public Optional<FindingCode.Severity> worstSeverity() {
        return Optional.ofNullable(worstSeverity);
    }

    /// One line per finding, for a tooltip.
    public String findingsSummary() {
        return findingsSummary;
    }

    /// This row as a never-changing observable, for table columns.
    public ObservableValue<ExceptionRow> asValue() {
        return value;
    }

    /// Orders for the sortable columns: plain fields, with rows lacking a date or findings last.
    public static final Comparator<ExceptionRow> BY_STATUS = Comparator.comparing(ExceptionRow::status);
    public static final Comparator<ExceptionRow> BY_NAME = Comparator.comparing(ExceptionRow::name, String.CASE_INSENSITIVE_ORDER);
    public static final Comparator<ExceptionRow> BY_CONTEXT = Comparator.comparing(ExceptionRow::context, String.CASE_INSENSITIVE_ORDER);
    public static final Comparator<ExceptionRow> BY_NAMESPACE = Comparator.comparing(ExceptionRow::namespace, String.CASE_INSENSITIVE_ORDER);
    public static final Comparator<ExceptionRow> BY_CHECKS = Comparator.comparing(ExceptionRow::checks, String.CASE_INSENSITIVE_ORDER);
    public static final Comparator<ExceptionRow> BY_CHECK_TYPE = Comparator.comparing(ExceptionRow::checkType, String.CASE_INSENSITIVE_ORDER);
    public static final Comparator<ExceptionRow> BY_MATCHES = Comparator.comparing(ExceptionRow::matches, String.CASE_INSENSITIVE_ORDER);
    public static final Comparator<ExceptionRow> BY_REQUESTOR = Comparator.comparing(ExceptionRow::requestor, String.CASE_INSENSITIVE_ORDER);
    public static final Comparator<ExceptionRow> BY_EXPIRES = Comparator.comparingLong(r -> r.expiresKey);
    /// Worst severity first, then how many.
    public static final Comparator<ExceptionRow> BY_FINDINGS = Comparator
            .comparing((ExceptionRow r) -> r.worstSeverity, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.comparingInt(ExceptionRow::findingCount).reversed());
}
