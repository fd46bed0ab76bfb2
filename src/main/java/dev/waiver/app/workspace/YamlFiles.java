package dev.waiver.app.workspace;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/// The YAML files under a folder, found the way a user expects of a manifests folder.
///
/// Symbolic links are followed (GitOps repositories link shared bases), loops are reported once.
/// Hidden folders (`.git`, `.github`) and hidden files (editor lock files such as `.#policy.yaml`)
/// are skipped, except the folder the user named. Sorting makes loads repeatable.
record YamlFiles(List<Path> files, List<LoadProblem> problems) {

    static YamlFiles under(Path folder) {
        var files = new ArrayList<Path>();
        var problems = new ArrayList<LoadProblem>();
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(folder) && isHidden(dir)
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && !isHidden(file) && isYaml(file)) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!isHidden(file)) {
                                String why = switch (e) {
                                    case FileSystemLoopException loop -> "symbolic link loop; not followed";
                                    case AccessDeniedException denied -> "permission denied";
                                    default -> "cannot read: " + e.getMessage();
                                };
                                problems.add(new LoadProblem(file.toString(), 0, why));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(new LoadProblem(folder.toString(), 0, "cannot read folder: " + e.getMessage()));
        }
        files.sort(null);
        return new YamlFiles(List.copyOf(files), List.copyOf(problems));
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
