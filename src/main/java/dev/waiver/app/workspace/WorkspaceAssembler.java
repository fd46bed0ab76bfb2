package dev.waiver.app.workspace;

import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.PolicySummary;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.tree.StringPool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Sorts loaded documents into a [Workspace]: PolicyExceptions become exemptions, Kyverno policies feed
/// the catalog, everything else is kept as is.
///
/// Documents can be added a file at a time: an exception keeps only its frozen copy, so the trees of a
/// file already added can be let go while the next is read.
public final class WorkspaceAssembler {

    private final Source source;
    private final List<Exemption> exemptions = new ArrayList<>();
    private final List<PolicySummary> policies = new ArrayList<>();
    private final List<Map<String, Object>> policyDocs = new ArrayList<>();
    private final List<Map<String, Object>> others = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();
    private final Map<String, Integer> seenIds = new HashMap<>();
    private final StringPool strings = new StringPool();

    public WorkspaceAssembler(Source source) {
        this.source = source;
    }

    public static Workspace assemble(String title, Source source, LoadResult loaded) {
        var assembler = new WorkspaceAssembler(source);
        assembler.add(loaded);
        return assembler.build(title);
    }

    public void add(LoadResult loaded) {
        loaded.documents().forEach(this::add);
        problems.addAll(loaded.problems());
    }

    public void add(SourcedDocument doc) {
        var tree = doc.tree();
        if (KyvernoObjects.isPolicyException(tree)) {
            var origin = Optional.of(doc.line() > 0 ? doc.file() + ":" + doc.line() : doc.file());
            strings.shareValues(tree); // before the model reads its names from the tree
            Exemption e = KyvernoObjects.toExemption(tree, doc.freeze(), source, origin);
            // The same namespace/name can appear twice in a folder (overlays, copies): keep both apart.
            int seen = seenIds.merge(e.id(), 1, Integer::sum);
            if (seen > 1) {
                e = new Exemption(e.id() + "#" + seen, e.source(), e.apiVersion(), e.namespace(), e.name(),
                        e.checks(), e.scope(), e.justification(), e.decision(), e.expiry(), e.created(),
                        e.origin(), e.document());
            }
            exemptions.add(e);
        } else if (KyvernoObjects.isPolicy(tree)) {
            policies.add(KyvernoObjects.toPolicySummary(tree));
            policyDocs.add(tree);
        } else {
            others.add(tree);
        }
    }

    public Workspace build(String title) {
        // A context's objects all come from it (one assembler reads one context; ClusterWorkspaces merges).
        List<String> othersFrom = source.context().map(c -> Collections.nCopies(others.size(), c)).orElse(List.of());
        return new Workspace(title, source, exemptions, new PolicyCatalog(policies), policyDocs, others, problems,
                List.of(), othersFrom);
    }
}
