package dev.waiver.app.workspace;

import java.util.List;

/// The documents read from one or more files, and the problems met on the way.
/// Both lists are unmodifiable copies, so a result can be handed across threads as it is.
public record LoadResult(List<SourcedDocument> documents, List<LoadProblem> problems) {

    public LoadResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}
