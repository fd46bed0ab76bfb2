package dev.waiver.engine.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditChain;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditHead;
import dev.waiver.engine.audit.AuditRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// Setting changes share the log with decisions but concern no exception: folding the log passes over them,
/// whatever their exemption id says.
class ReviewHistoryTest {

    static final java.time.Instant NOW = WorkflowTest.NOW;

    /// The engine reads no YAML: entries here carry a key into this map instead.
    final Map<String, Map<String, Object>> objects = new HashMap<>();

    private AuditRecord record(AuditAction action, String id, String actor, Map<String, Object> after) {
        String key = after.isEmpty() ? "" : "object-" + objects.size();
        if (!after.isEmpty()) {
            objects.put(key, after);
        }
        return new AuditRecord(NOW, actor, action, id, "", "", "", key);
    }

    private static List<AuditEntry> chain(List<AuditRecord> records) {
        var chain = new AuditChain();
        var entries = new ArrayList<AuditEntry>();
        AuditHead head = AuditHead.GENESIS;
        for (AuditRecord r : records) {
            AuditEntry e = chain.link(head, r);
            entries.add(e);
            head = AuditHead.of(e);
        }
        return entries;
    }

    private Map<String, ReviewCase> fold(List<AuditRecord> records) {
        return ReviewHistory.fold(chain(records), text -> objects.getOrDefault(text, Map.of()));
    }

    @Test
    void settingEntriesChangeNoCase() {
        var workflow = new Workflow(ReviewSettings.defaults());
        ReviewCase requested = WorkflowTest.requested(workflow);
        var approved = (ReviewStep.Done) workflow.approve(requested, "sam", "ok", Optional.empty(), NOW);
        AuditRecord request = record(AuditAction.REQUEST, requested.id(), "dana", requested.object());
        AuditRecord approve = record(AuditAction.APPROVE, requested.id(), "sam", approved.after());
        var settings = List.of(
                new AuditRecord(NOW, "admin", AuditAction.SETTING, "", "", "review.max-days set: 30 (default) to 14", "",
                        "review.max-days: \"14\"\n"),
                new AuditRecord(NOW, "admin", AuditAction.SETTING, requested.id(), "", "", "", "not an object"),
                new AuditRecord(NOW, "admin", AuditAction.SETTING, "R-NEVER", "", "", "", "not an object"));

        Map<String, ReviewCase> plain = fold(List.of(request, approve));
        var interleaved = new ArrayList<AuditRecord>(settings);
        interleaved.add(request);
        interleaved.addAll(settings);
        interleaved.add(approve);
        interleaved.addAll(settings);

        assertThat(fold(interleaved)).isEqualTo(plain).containsOnlyKeys(requested.id());
        assertThat(plain.get(requested.id()).approvals()).containsExactly("sam");
        assertThat(fold(settings)).isEmpty();
    }
}
