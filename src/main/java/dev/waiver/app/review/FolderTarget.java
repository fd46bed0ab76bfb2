package dev.waiver.app.review;

import dev.waiver.app.AtomicWrite;
import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.app.workspace.YamlWriter;
import dev.waiver.engine.exemption.WaiverAnnotations;
import dev.waiver.engine.tree.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/// Applies exceptions to a folder of YAML, one file per object (`<namespace>--<name>.yaml`), for a GitOps
/// pull request. Files are replaced atomically; a file that holds some other object is never overwritten.
public final class FolderTarget implements ApplyTarget {

    private final Path folder;

    public FolderTarget(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path fileFor(Map<String, Object> object) {
        String namespace = Trees.string(object, "metadata", "namespace").orElse("cluster");
        String name = Trees.string(object, "metadata", "name").orElse("unnamed");
        return folder.resolve(safe(namespace) + "--" + safe(name) + ".yaml");
    }

    @Override
    public Map<String, Object> write(Map<String, Object> object) throws TargetWriteException {
        Path file = fileFor(object);
        if (!Files.isDirectory(folder)) {
            throw new TargetWriteException(folder + ": no such folder");
        }
        checkOwned(file, object);
        try {
            AtomicWrite.writeString(file, YamlWriter.write(object));
        } catch (IOException e) {
            throw TargetWriteException.cannotWrite(file, e);
        }
        return object;
    }

    @Override
    public void delete(Map<String, Object> object) throws TargetWriteException {
        Path file = fileFor(object);
        if (!Files.exists(file)) {
            return;
        }
        checkOwned(file, object);
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new TargetWriteException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "folder " + folder;
    }

    /// A file that exists must hold this same exception (same request id), else it belongs to someone else.
    private static void checkOwned(Path file, Map<String, Object> object) throws TargetWriteException {
        if (!Files.exists(file)) {
            return;
        }
        var ours = requestId(object);
        var read = YamlDocuments.readFile(file);
        boolean same = read.problems().isEmpty() && read.documents().size() == 1
                && requestId(read.documents().getFirst().tree()).equals(ours) && ours.isPresent();
        if (!same) {
            throw new TargetWriteException(file + " already holds another object; not overwriting it");
        }
    }

    private static Optional<String> requestId(Map<String, Object> tree) {
        return Trees.string(tree, "metadata", "annotations", WaiverAnnotations.REQUEST_ID);
    }

    private static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
