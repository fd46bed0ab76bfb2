package dev.waiver.app.auditview;

import dev.waiver.app.ui.Selection;
import dev.waiver.app.workspace.LoadResult;
import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.tree.TreeDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The selected audit entry: its facts, and the exception object before and after it side by side, field
/// by field ([TreeDiff]), with the changed fields marked. Follows the shared [Selection] the log table
/// publishes. The two documents are small YAML texts already in memory, so they are read here, on the FX
/// thread, when the selection changes.
public final class AuditEntryViewModel {

    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(this, "present");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "");
    private final ReadOnlyStringWrapper actor = new ReadOnlyStringWrapper(this, "actor", "");
    private final ReadOnlyStringWrapper action = new ReadOnlyStringWrapper(this, "action", "");
    private final ReadOnlyStringWrapper exemptionId = new ReadOnlyStringWrapper(this, "exemptionId", "");
    private final ReadOnlyStringWrapper context = new ReadOnlyStringWrapper(this, "context", "");
    private final ReadOnlyStringWrapper comment = new ReadOnlyStringWrapper(this, "comment", "");
    private final ReadOnlyStringWrapper hash = new ReadOnlyStringWrapper(this, "hash", "");
    private final ReadOnlyStringWrapper previousHash = new ReadOnlyStringWrapper(this, "previousHash", "");
    private final ReadOnlyStringWrapper diffSummary = new ReadOnlyStringWrapper(this, "diffSummary", "");
    private final ReadOnlyStringWrapper beforeYaml = new ReadOnlyStringWrapper(this, "beforeYaml", "");
    private final ReadOnlyStringWrapper afterYaml = new ReadOnlyStringWrapper(this, "afterYaml", "");
    private final BooleanProperty changesOnly = new SimpleBooleanProperty(this, "changesOnly", false);
    private final ObservableList<TreeDiff.Field> fields = FXCollections.observableArrayList();
    private final ObservableList<TreeDiff.Field> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private List<TreeDiff.Field> all = List.of();

    public AuditEntryViewModel(Selection<AuditEntry> selection) {
        selection.selectedProperty().addListener((obs, old, entry) -> show(entry));
        changesOnly.addListener((obs, old, now) -> showFields());
        show(selection.get().orElse(null));
    }

    // ---- inputs

    /// Show only the fields that differ, rather than the whole of both documents.
    public BooleanProperty changesOnlyProperty() {
        return changesOnly;
    }

    // ---- outputs

    public ReadOnlyBooleanProperty presentProperty() {
        return present.getReadOnlyProperty();
    }

    /// `Entry #3 · approve · R-4001`
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actorProperty() {
        return actor.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actionProperty() {
        return action.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exemptionIdProperty() {
        return exemptionId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contextProperty() {
        return context.getReadOnlyProperty();
    }

    /// The comment whole, over as many lines as it has.
    public ReadOnlyStringProperty commentProperty() {
        return comment.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hashProperty() {
        return hash.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previousHashProperty() {
        return previousHash.getReadOnlyProperty();
    }

    /// `2 fields added, 1 changed`, `No field changed`, or why the documents could not be compared.
    public ReadOnlyStringProperty diffSummaryProperty() {
        return diffSummary.getReadOnlyProperty();
    }

    /// The fields of both documents (or only the changed ones), in document order.
    public ObservableList<TreeDiff.Field> fields() {
        return fieldsView;
    }

    /// The object before the entry, as recorded (YAML); empty when there was none.
    public ReadOnlyStringProperty beforeYamlProperty() {
        return beforeYaml.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty afterYamlProperty() {
        return afterYaml.getReadOnlyProperty();
    }

    // ---- work

    private void show(AuditEntry entry) {
        present.set(entry != null);
        if (entry == null) {
            for (var text : List.of(title, time, actor, action, exemptionId, context, comment, hash, previousHash,
                    diffSummary, beforeYaml, afterYaml)) {
                text.set("");
            }
            all = List.of();
            showFields();
            return;
        }
        AuditRecord r = entry.record();
        AuditRow row = AuditRow.of(entry);
        title.set("Entry #" + entry.seq() + " · " + row.action() + (r.exemptionId().isBlank() ? "" : " · " + r.exemptionId()));
        time.set(row.time() + " UTC");
        actor.set(row.actor());
        action.set(row.action());
        exemptionId.set(row.exemptionId());
        context.set(AuditRow.orNone(r.context()));
        comment.set(AuditRow.orNone(r.comment().strip()));
        hash.set(AuditRow.orNone(entry.hash()));
        previousHash.set(AuditRow.orNone(entry.previousHash()));
        beforeYaml.set(r.before());
        afterYaml.set(r.after());

        var problems = new ArrayList<String>();
        Optional<Map<String, Object>> before = tree("before", r.before(), problems);
        Optional<Map<String, Object>> after = tree("after", r.after(), problems);
        all = problems.isEmpty() ? TreeDiff.between(before.orElse(null), after.orElse(null)) : List.of();
        diffSummary.set(problems.isEmpty() ? summary(all, before.isPresent(), after.isPresent())
                : "Cannot compare: " + String.join("; ", problems));
        showFields();
    }

    private void showFields() {
        fields.setAll(changesOnly.get() ? all.stream().filter(TreeDiff.Field::changed).toList() : all);
    }

    /// The recorded YAML as a tree; empty when nothing was recorded on that side (a request has no before).
    private static Optional<Map<String, Object>> tree(String side, String yaml, List<String> problems) {
        if (yaml.isBlank()) {
            return Optional.empty();
        }
        LoadResult read = YamlDocuments.readString(side, yaml);
        if (!read.problems().isEmpty()) {
            problems.add(read.problems().getFirst().toString());
            return Optional.empty();
        }
        return read.documents().stream().findFirst().map(d -> d.tree());
    }

    static String summary(List<TreeDiff.Field> fields, boolean hadBefore, boolean hasAfter) {
        if (!hadBefore && !hasAfter) {
            return "No object recorded";
        }
        if (!hadBefore) {
            return "New object: " + count(fields.size(), "field");
        }
        if (!hasAfter) {
            return "Object gone: " + count(fields.size(), "field") + " removed";
        }
        long added = fields.stream().filter(f -> f.change() == TreeDiff.Change.ADDED).count();
        long removed = fields.stream().filter(f -> f.change() == TreeDiff.Change.REMOVED).count();
        long changed = fields.stream().filter(f -> f.change() == TreeDiff.Change.CHANGED).count();
        var parts = new ArrayList<String>();
        if (added > 0) {
            parts.add(added + " added");
        }
        if (changed > 0) {
            parts.add(changed + " changed");
        }
        if (removed > 0) {
            parts.add(removed + " removed");
        }
        if (parts.isEmpty()) {
            return "No field changed";
        }
        long total = added + changed + removed;
        return (total == 1 ? "1 field: " : total + " fields: ") + String.join(", ", parts);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
