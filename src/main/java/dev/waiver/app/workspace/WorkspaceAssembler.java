package dev.waiver.app.workspace;

import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.KyvernoObjects;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.PolicySummary;
import dev.waiver.engine.exemption.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/// Sorts loaded documents into a [Workspace]: PolicyExceptions become exemptions, Kyverno policies feed
/// the catalog, everything else is kept as is.
public final class WorkspaceAssembler {

    private WorkspaceAssembler() {
    }

    public static Workspace assemble(String title, Source source, LoadResult loaded) {
        var exemptions = new ArrayList<Exemption>();
        var policies = new ArrayList<PolicySummary>();
        var policyDocs = new ArrayList<Map<String, Object>>();
        var others = new ArrayList<Map<String, Object>>();
        var seenIds = new HashMap<String, Integer>();
        for (SourcedDocument doc : loaded.documents()) {
            var tree = doc.tree();
            if (KyvernoObjects.isPolicyException(tree)) {
                var origin = Optional.of(doc.line() > 0 ? doc.file() + ":" + doc.line() : doc.file());
                Exemption e = KyvernoObjects.toExemption(tree, source, origin);
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
        return new Workspace(title, source, exemptions, new PolicyCatalog(policies), policyDocs, others, loaded.problems());
    }
}
