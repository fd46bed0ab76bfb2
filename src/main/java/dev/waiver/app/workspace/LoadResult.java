package dev.waiver.app.workspace;

import java.util.List;

/// The documents read from one or more files, and the problems met on the way.
public record LoadResult(List<SourcedDocument> documents, List<LoadProblem> problems) {
}
