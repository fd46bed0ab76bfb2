package dev.waiver.app.workspace;

import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// Everything read from one place (a folder, the demo, a cluster): exceptions, the policies they name,
/// the other objects (namespaces and workloads, for evaluation), and the files that could not be read.
///
/// `offline` names the cluster contexts whose part was served from a snapshot because their server did
/// not answer; empty when everything is live (and always for folders and the demo).
public record Workspace(
        String title,
        Source source,
        List<Exemption> exemptions,
        PolicyCatalog policies,
        List<Map<String, Object>> policyDocuments,
        List<Map<String, Object>> otherDocuments,
        List<LoadProblem> problems,
        List<OfflineSource> offline) {

    public Workspace {
        exemptions = List.copyOf(exemptions);
        policyDocuments = List.copyOf(policyDocuments);
        otherDocuments = List.copyOf(otherDocuments);
        problems = List.copyOf(problems);
        offline = List.copyOf(offline);
    }

    /// A workspace read live (folders, the demo, a reachable cluster).
    public Workspace(String title, Source source, List<Exemption> exemptions, PolicyCatalog policies,
                     List<Map<String, Object>> policyDocuments, List<Map<String, Object>> otherDocuments,
                     List<LoadProblem> problems) {
        this(title, source, exemptions, policies, policyDocuments, otherDocuments, problems, List.of());
    }

    /// True when some of it comes from a snapshot rather than a live server.
    public boolean isOffline() {
        return !offline.isEmpty();
    }

    public Workspace withTitle(String newTitle) {
        return new Workspace(newTitle, source, exemptions, policies, policyDocuments, otherDocuments, problems, offline);
    }

    /// The same content marked as served from snapshots, with the problems that say so.
    public Workspace withOffline(List<OfflineSource> sources, List<LoadProblem> notices) {
        var allProblems = new ArrayList<>(notices);
        allProblems.addAll(problems);
        var allOffline = new ArrayList<>(offline);
        allOffline.addAll(sources);
        return new Workspace(title, source, exemptions, policies, policyDocuments, otherDocuments, allProblems, allOffline);
    }
}
