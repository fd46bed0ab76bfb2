package dev.waiver.app.review;

import dev.waiver.app.AtomicWrite;
import dev.waiver.app.workspace.SourcedDocument;
import dev.waiver.app.workspace.YamlDocuments;
import dev.waiver.app.workspace.YamlWriter;
import dev.waiver.engine.tree.Trees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/// Replaces one object inside an existing YAML file (which may hold several documents), for repairs of
/// exceptions Waiver did not create. The file is rewritten atomically; every other document is kept as
/// read (comments and formatting are not kept, which the caller says).
final class FolderRewrite {

    private FolderRewrite() {
    }

    static void replace(Path file, String namespace, String name, Map<String, Object> after) throws TargetWriteException {
        var read = YamlDocuments.readFile(file);
        if (!read.problems().isEmpty()) {
            throw new TargetWriteException(file + " cannot be read cleanly: " + read.problems().getFirst());
        }
        List<SourcedDocument> documents = read.documents();
        var lines = new HashSet<Integer>();
        documents.forEach(d -> lines.add(d.line()));
        if (lines.size() != documents.size()) {
            throw new TargetWriteException(file + " holds a List of objects; edit it by hand or split it first");
        }
        var trees = new ArrayList<Map<String, Object>>();
        int replaced = 0;
        for (SourcedDocument d : documents) {
            boolean match = Trees.string(d.tree(), "metadata", "name").filter(name::equals).isPresent()
                    && Trees.string(d.tree(), "metadata", "namespace").orElse("").equals(namespace)
                    && "PolicyException".equals(d.tree().get("kind"));
            trees.add(match ? after : d.tree());
            replaced += match ? 1 : 0;
        }
        if (replaced != 1) {
            throw new TargetWriteException(file + " no longer holds exactly one " + namespace + "/" + name);
        }
        try {
            AtomicWrite.writeString(file, YamlWriter.writeAll(trees));
        } catch (IOException e) {
            throw TargetWriteException.cannotWrite(file, e);
        }
    }
}
