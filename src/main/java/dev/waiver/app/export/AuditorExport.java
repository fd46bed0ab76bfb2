package dev.waiver.app.export;

import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.exemption.Register;
import dev.waiver.engine.review.ReviewCase;
import dev.waiver.engine.review.ReviewMetrics;
import java.time.Instant;
import java.util.List;

/// What an auditor gets, from the command line and from the window alike: the log's entries, the exception
/// register they were decided against, and the metrics of the same cases.
public final class AuditorExport {

    private AuditorExport() {
    }

    /// `cases` are the ones the `entries` hold (one read of the log); `coverage` says in words what the
    /// register was read from.
    public static AuditExport of(List<AuditEntry> entries, List<ReviewCase> cases, Register register, String coverage,
                                 Instant now) {
        return AuditExport.of(entries, now)
                .with(RegisterSection.of(register, coverage))
                .with(new MetricsSection(ReviewMetrics.of(cases, now)));
    }
}
