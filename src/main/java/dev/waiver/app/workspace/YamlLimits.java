package dev.waiver.app.workspace;

/// Bounds on what one YAML file may cost to read. Files come from folders and clusters we do not
/// control, so a hostile or broken file must end as one problem, never as an exhausted heap or stack.
///
/// @param maxFileBytes          checked before a file is read; 8 MiB is far above any real manifest
/// @param maxDepth              nesting of maps and lists; real objects stay well under 32 levels
/// @param maxAliasesPerDocument `*alias` uses in one document, the "billion laughs" lever
/// @param maxAliasNodes         nodes that aliases of one document may copy in all, for chains of few
///                              aliases that each double the size of the last
/// @param maxDocumentsPerFile   `---` documents plus expanded `kind: List` items in one file
/// @param maxProblemsPerFile    after this many broken documents the rest of the file is skipped
public record YamlLimits(long maxFileBytes, int maxDepth, int maxAliasesPerDocument, int maxAliasNodes,
        int maxDocumentsPerFile, int maxProblemsPerFile) {

    public static final YamlLimits DEFAULTS = new YamlLimits(8L * 1024 * 1024, 64, 50, 100_000, 100_000, 20);
}
