package dev.waiver.app.cluster;

import dev.waiver.app.workspace.LoadProblem;
import dev.waiver.app.workspace.LoadResult;
import dev.waiver.app.workspace.OfflineSource;
import dev.waiver.app.workspace.SourcedDocument;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.app.workspace.WorkspaceAssembler;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.PolicySummary;
import dev.waiver.engine.exemption.Source;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/// Cluster reads as workspaces. They go through [WorkspaceAssembler] like folders do, so an exception
/// read from a cluster has the same id, status, catalog and findings as the same YAML in a folder.
public final class ClusterWorkspaces {

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ClusterWorkspaces() {
    }

    /// A live read: titled with the context's name.
    public static Workspace live(ClusterRead read) {
        return assemble(read.context(), read);
    }

    /// A snapshot standing in for a server that did not answer: the title and a first problem say
    /// "offline, as of …", and [Workspace#offline()] carries the same for the window.
    public static Workspace offline(ClusterRead snapshot, String reason) {
        String asOf = asOf(snapshot.readAt());
        Workspace workspace = assemble(snapshot.context() + " (offline, as of " + asOf + ")", snapshot);
        var notice = new LoadProblem("context " + snapshot.context(), 0,
                "offline, as of " + asOf + ": " + reason + "; showing its last snapshot");
        return workspace.withOffline(List.of(new OfflineSource(snapshot.context(), snapshot.readAt(), reason)), List.of(notice));
    }

    /// Several contexts as one register. A policy known in two contexts is kept once (the first context's),
    /// so the check type of an exception comes from a same-named policy, wherever it was read.
    public static Workspace merge(List<Workspace> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        var exemptions = new ArrayList<Exemption>();
        var policies = new LinkedHashMap<String, PolicySummary>();
        var policyDocuments = new ArrayList<Map<String, Object>>();
        var others = new ArrayList<Map<String, Object>>();
        var otherContexts = new ArrayList<String>();
        var problems = new ArrayList<LoadProblem>();
        var offline = new ArrayList<OfflineSource>();
        for (Workspace part : parts) {
            exemptions.addAll(part.exemptions());
            part.policies().all().forEach(p -> policies.putIfAbsent(p.key(), p));
            policyDocuments.addAll(part.policyDocuments());
            others.addAll(part.otherDocuments());
            for (int i = 0; i < part.otherDocuments().size(); i++) {
                otherContexts.add(part.contextOfOther(i).orElse(part.source().name()));
            }
            problems.addAll(part.problems());
            offline.addAll(part.offline());
        }
        String title = parts.stream().map(Workspace::title).collect(Collectors.joining(", "));
        String names = parts.stream().map(w -> w.source().name()).collect(Collectors.joining(","));
        return new Workspace(title, Source.context(names), exemptions, new PolicyCatalog(policies.values()),
                policyDocuments, others, problems, offline, otherContexts);
    }

    public static String asOf(Instant instant) {
        return AS_OF.format(instant);
    }

    /// Each object as a document whose "file" says where it lives: `prod: PolicyException team-a/debug`.
    public static LoadResult documents(ClusterRead read) {
        var documents = read.objects().stream().map(o -> document(read, o)).toList();
        return new LoadResult(documents, read.problems());
    }

    /// One object thawed at a time, so only the frozen copies of a large context are ever all held.
    private static Workspace assemble(String title, ClusterRead read) {
        var assembler = new WorkspaceAssembler(Source.context(read.context()));
        for (ClusterObject object : read.objects()) {
            assembler.add(document(read, object));
        }
        assembler.add(new LoadResult(List.of(), read.problems()));
        return assembler.build(title);
    }

    private static SourcedDocument document(ClusterRead read, ClusterObject object) {
        return new SourcedDocument(read.context() + ": " + object.key(), 0, object.tree(), object.document());
    }
}
