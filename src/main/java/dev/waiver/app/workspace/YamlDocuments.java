package dev.waiver.app.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/// Reads YAML files into plain Java trees (`Map`, `List`, scalars) that the engine understands.
///
/// Nothing here throws for bad input: a missing path, an unreadable, oversized, hostile or malformed
/// file each becomes a [LoadProblem] naming the file and, where known, the line, and every other
/// file still loads. Documents come in a stable order (paths sorted, then file order), so two loads
/// of the same folder give the same result. See [DocumentStream] for what survives a broken document.
public final class YamlDocuments {

    private YamlDocuments() {
    }

    public static LoadResult readFile(Path file) {
        return readFile(file, YamlLimits.DEFAULTS);
    }

    public static LoadResult readFile(Path file, YamlLimits limits) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            return problem(name, "is a folder, not a file");
        }
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                return problem(name, "file is larger than " + mebibytes(limits.maxFileBytes())
                        + " (" + mebibytes(size) + "); not read");
            }
            return DocumentStream.read(name, decode(Files.readAllBytes(file)), limits);
        } catch (NoSuchFileException e) {
            return problem(name, "no such file or folder");
        } catch (AccessDeniedException e) {
            return problem(name, "permission denied");
        } catch (CharacterCodingException e) {
            return problem(name, "not UTF-8 text");
        } catch (FileSystemException e) {
            return problem(name, "cannot read: " + (e.getReason() != null ? e.getReason() : e.getMessage()));
        } catch (IOException e) {
            return problem(name, "cannot read: " + e.getMessage());
        }
    }

    /// Reads YAML that did not come from a file (standard input, a cluster, a paste).
    ///
    /// @param source what problems and documents name as their file
    public static LoadResult readString(String source, String text) {
        return readString(source, text, YamlLimits.DEFAULTS);
    }

    public static LoadResult readString(String source, String text, YamlLimits limits) {
        if (text.length() > limits.maxFileBytes()) {
            return problem(source, "text is larger than " + mebibytes(limits.maxFileBytes()) + "; not read");
        }
        return DocumentStream.read(source, text, limits);
    }

    /// Every `.yaml`/`.yml` file under `folder`, sorted by path; hidden files and folders are skipped.
    public static LoadResult readFolder(Path folder) {
        return readPaths(List.of(folder), YamlLimits.DEFAULTS);
    }

    /// Files and folders mixed, in the order given; a file named twice is read once.
    /// A file named directly is read whatever its extension: the user asked for it.
    public static LoadResult readPaths(List<Path> paths) {
        return readPaths(paths, YamlLimits.DEFAULTS);
    }

    public static LoadResult readPaths(List<Path> paths, YamlLimits limits) {
        var documents = new ArrayList<SourcedDocument>();
        var problems = new ArrayList<LoadProblem>();
        readPaths(paths, limits, result -> {
            documents.addAll(result.documents());
            problems.addAll(result.problems());
        });
        return new LoadResult(documents, problems);
    }

    /// The same, handed over one file at a time (the problems of walking the folders first), so a large
    /// folder's documents need not all be held at once.
    public static void readPaths(List<Path> paths, YamlLimits limits, Consumer<LoadResult> eachFile) {
        var files = new ArrayList<Path>();
        var problems = new ArrayList<LoadProblem>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                var found = YamlFiles.under(path);
                files.addAll(found.files());
                problems.addAll(found.problems());
            } else {
                files.add(path);
            }
        }
        eachFile.accept(new LoadResult(List.of(), problems));
        var seen = new HashSet<Path>();
        for (Path file : files) {
            if (seen.add(file.toAbsolutePath().normalize())) {
                eachFile.accept(readFile(file, limits));
            }
        }
    }

    /// UTF-8, or UTF-16 when a byte order mark says so (Windows tools write that); strict, so a
    /// binary file is reported instead of read as replacement characters.
    static String decode(byte[] bytes) throws CharacterCodingException {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                .toString();
    }

    private static LoadResult problem(String file, String message) {
        return new LoadResult(List.of(), List.of(new LoadProblem(file, 0, message)));
    }

    private static String mebibytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
