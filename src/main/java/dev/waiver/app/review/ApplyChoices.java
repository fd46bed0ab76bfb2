package dev.waiver.app.review;

import dev.waiver.app.review.ReviewDialogs.ApplyChoice;
import dev.waiver.app.review.ReviewDialogs.ToContext;
import dev.waiver.app.review.ReviewDialogs.ToFolder;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ResourceFilter;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.exemption.WaiverAnnotations;
import dev.waiver.engine.review.PolicyExceptionTrees;
import dev.waiver.engine.review.ReviewCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.value.ObservableValue;

/// Where Apply offers to write an approved exception, decided from what the window has open.
///
/// On a register of kubeconfig contexts: those contexts, then a folder. The one suggested is where the
/// exception belongs: where it was applied before, else the context its failing resource was read from
/// (`waiver.dev/context`, recorded by a request made from a Compliance failure) when that context is open,
/// else the context the register holds it in, else the first context holding exceptions in (or for) a
/// namespace the request is for, else the first context.
/// On a folder or the demo: a folder only, the workspace folder to begin with.
final class ApplyChoices {

    private final ObservableValue<Workspace> workspace;
    private final ObservableValue<List<String>> contexts;

    /// @param contexts the contexts of the open register, in order; empty when it is not the clusters'
    ApplyChoices(ObservableValue<Workspace> workspace, ObservableValue<List<String>> contexts) {
        this.workspace = workspace;
        this.contexts = contexts;
    }

    /// True when the register shows kubeconfig contexts, so Apply asks which target rather than for a folder.
    boolean onContexts() {
        return !contexts().isEmpty();
    }

    /// The contexts, then a folder; the suggestion among them.
    ReviewDialogs.TargetQuestion question(ReviewCase c) {
        List<String> names = contexts();
        var choices = new ArrayList<ApplyChoice>();
        names.forEach(name -> choices.add(new ToContext(name)));
        choices.add(new ToFolder());
        return new ReviewDialogs.TargetQuestion("Apply " + c.id(), "Where should " + c.exemption().qualifiedName()
                + " be applied? The cluster (or the folder's GitOps pipeline) enforces it from there.",
                choices, suggested(c, names));
    }

    /// The folder to offer first: the one it was applied to before, else the workspace's folder.
    Optional<Path> folder(ReviewCase c) {
        return c.appliedTo().filter(t -> t.kind() == ReviewCase.Target.Kind.FOLDER).map(t -> Path.of(t.name()))
                .or(() -> {
                    Workspace ws = workspace.getValue();
                    return ws != null && ws.source().kind() == Source.Kind.FOLDER ? Optional.of(Path.of(ws.source().name()))
                            : Optional.empty();
                });
    }

    private ApplyChoice suggested(ReviewCase c, List<String> names) {
        Optional<ReviewCase.Target> before = c.appliedTo();
        if (before.isPresent()) {
            ReviewCase.Target t = before.get();
            if (t.kind() == ReviewCase.Target.Kind.FOLDER) {
                return new ToFolder();
            }
            if (names.contains(t.name())) {
                return new ToContext(t.name());
            }
        }
        Optional<String> readFrom = PolicyExceptionTrees.annotation(c.object(), WaiverAnnotations.CONTEXT)
                .filter(names::contains);
        if (readFrom.isPresent()) {
            return new ToContext(readFrom.get());
        }
        List<Exemption> held = workspace.getValue() == null ? List.of() : workspace.getValue().exemptions();
        Optional<String> holding = held.stream().filter(e -> e.decision().requestId().filter(c.id()::equals).isPresent())
                .map(ApplyChoices::context).flatMap(Optional::stream).filter(names::contains).findFirst();
        if (holding.isPresent()) {
            return new ToContext(holding.get());
        }
        Set<String> wanted = namespaces(c.exemption());
        for (String name : names) {
            boolean there = held.stream().filter(e -> context(e).filter(name::equals).isPresent())
                    .anyMatch(e -> wanted.contains(e.namespace()) || namespaces(e).stream().anyMatch(wanted::contains));
            if (there) {
                return new ToContext(name);
            }
        }
        return names.isEmpty() ? new ToFolder() : new ToContext(names.getFirst());
    }

    private static Optional<String> context(Exemption e) {
        return e.source().kind() == Source.Kind.CONTEXT ? Optional.of(e.source().name()) : Optional.empty();
    }

    /// The plain namespaces the exception matches (patterns name no namespace in particular).
    private static Set<String> namespaces(Exemption e) {
        var all = new LinkedHashSet<String>();
        for (ResourceFilter f : e.scope().filters()) {
            f.namespaces().stream().filter(ns -> !ns.contains("*") && !ns.contains("?")).forEach(all::add);
        }
        return all;
    }

    private List<String> contexts() {
        List<String> names = contexts.getValue();
        return names == null ? List.of() : names;
    }
}
