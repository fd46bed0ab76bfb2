package dev.waiver.app.workspace;

import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.Source;
import java.util.List;
import java.util.Map;

/// Everything read from one place (a folder, the demo, a cluster): exceptions, the policies they name,
/// the other objects (namespaces and workloads, for evaluation), and the files that could not be read.
public record Workspace(
        String title,
        Source source,
        List<Exemption> exemptions,
        PolicyCatalog policies,
        List<Map<String, Object>> policyDocuments,
        List<Map<String, Object>> otherDocuments,
        List<LoadProblem> problems) {

    public Workspace {
        exemptions = List.copyOf(exemptions);
        policyDocuments = List.copyOf(policyDocuments);
        otherDocuments = List.copyOf(otherDocuments);
        problems = List.copyOf(problems);
    }
}
