package dev.waiver.engine.review;

import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.exemption.StatusRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// One exception as Waiver's own store knows it: the object after its latest recorded step, who has
/// approved it so far, where it was applied (a folder path or a kubeconfig context) and whether it has
/// been removed again. Folded from the audit log, never stored anywhere else.
public record ReviewCase(
        String id,
        Map<String, Object> object,
        Instant requestedAt,
        Set<String> approvals,
        Optional<Target> appliedTo,
        Optional<String> appliedVersion,
        boolean removed) {

    /// Where an exception was applied: a folder of YAML, or a kubeconfig context.
    public record Target(Kind kind, String name) {
        public enum Kind { FOLDER, CONTEXT }

        public static Target folder(String path) {
            return new Target(Kind.FOLDER, path);
        }

        public static Target context(String name) {
            return new Target(Kind.CONTEXT, name);
        }

        /// How the target is written into an audit entry's `context` field.
        public String recorded() {
            return (kind == Kind.FOLDER ? "folder:" : "context:") + name;
        }

        public static Optional<Target> parse(String recorded) {
            if (recorded.startsWith("folder:")) {
                return Optional.of(folder(recorded.substring("folder:".length())));
            }
            if (recorded.startsWith("context:")) {
                return Optional.of(context(recorded.substring("context:".length())));
            }
            return Optional.empty();
        }
    }

    public ReviewCase {
        approvals = Set.copyOf(approvals);
    }

    /// The exception as the register shows it: from its target once applied, else a local request.
    public Exemption exemption() {
        Source source = appliedTo.map(t -> t.kind() == Target.Kind.FOLDER ? Source.folder(t.name()) : Source.context(t.name()))
                .orElseGet(() -> new Source(Source.Kind.REQUEST, "store"));
        return KyvernoObjects.toExemption(object, source, Optional.empty());
    }

    public ExemptionStatus statusAt(Instant now) {
        return StatusRules.statusAt(exemption(), now);
    }

    public Optional<String> requestor() {
        return exemption().justification().requestor();
    }

    public List<String> approvalsSorted() {
        return approvals.stream().sorted().toList();
    }
}
