package dev.waiver.app.workspace;

import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Everything read from one place (a folder, the demo, a cluster): exceptions, the policies they name,
/// the other objects (namespaces and workloads, for evaluation), and the files that could not be read.
///
/// `offline` names the cluster contexts whose part was served from a snapshot because their server did
/// not answer; empty when everything is live (and always for folders and the demo).
///
/// `otherContexts` names, index by index, the kubeconfig context each of `otherDocuments` was read from
/// (several contexts make one register, and a request should say which cluster its resource is in); empty
/// when they come from a folder or the demo.
public record Workspace(
        String title,
        Source source,
        List<Exemption> exemptions,
        PolicyCatalog policies,
        List<Map<String, Object>> policyDocuments,
        List<Map<String, Object>> otherDocuments,
        List<LoadProblem> problems,
        List<OfflineSource> offline,
        List<String> otherContexts) {

    public Workspace {
        exemptions = List.copyOf(exemptions);
        policyDocuments = List.copyOf(policyDocuments);
        otherDocuments = List.copyOf(otherDocuments);
        problems = List.copyOf(problems);
        offline = List.copyOf(offline);
        otherContexts = List.copyOf(otherContexts);
        if (!otherContexts.isEmpty() && otherContexts.size() != otherDocuments.size()) {
            throw new IllegalArgumentException(otherContexts.size() + " contexts for " + otherDocuments.size()
                    + " documents");
        }
    }

    /// A workspace whose other documents are not known to come from any context.
    public Workspace(String title, Source source, List<Exemption> exemptions, PolicyCatalog policies,
                     List<Map<String, Object>> policyDocuments, List<Map<String, Object>> otherDocuments,
                     List<LoadProblem> problems, List<OfflineSource> offline) {
        this(title, source, exemptions, policies, policyDocuments, otherDocuments, problems, offline, List.of());
    }

    /// A workspace read live (folders, the demo, a reachable cluster).
    public Workspace(String title, Source source, List<Exemption> exemptions, PolicyCatalog policies,
                     List<Map<String, Object>> policyDocuments, List<Map<String, Object>> otherDocuments,
                     List<LoadProblem> problems) {
        this(title, source, exemptions, policies, policyDocuments, otherDocuments, problems, List.of());
    }

    /// The context the other document at `index` was read from, or empty.
    public Optional<String> contextOfOther(int index) {
        return otherContexts.isEmpty() ? Optional.empty() : Optional.of(otherContexts.get(index));
    }

    /// True when some of it comes from a snapshot rather than a live server.
    public boolean isOffline() {
        return !offline.isEmpty();
    }

    public Workspace withTitle(String newTitle) {
        return new Workspace(newTitle, source, exemptions, policies, policyDocuments, otherDocuments, problems, offline,
                otherContexts);
    }

    /// The same content marked as served from snapshots, with the problems that say so.
    public Workspace withOffline(List<OfflineSource> sources, List<LoadProblem> notices) {
        var allProblems = new ArrayList<>(notices);
        allProblems.addAll(problems);
        var allOffline = new ArrayList<>(offline);
        allOffline.addAll(sources);
        return new Workspace(title, source, exemptions, policies, policyDocuments, otherDocuments, allProblems,
                allOffline, otherContexts);
    }
}
