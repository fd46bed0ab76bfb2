package dev.waiver.app.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/// Finds `kyverno-test.yaml` / `kyverno-test.yml` files: a file named directly is taken as it is,
/// a folder is searched at any depth (a policy library keeps one test per policy folder).
public final class KyvernoTestFiles {

    private KyvernoTestFiles() {
    }

    public static List<Path> under(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(p -> isTestFileName(p.getFileName().toString()) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isTestFileName(String name) {
        return name.equals("kyverno-test.yaml") || name.equals("kyverno-test.yml");
    }

    /// How a case is named in output: its folder relative to the path the user gave, or the
    /// folder's own name when the user named the case itself.
    public static String caseName(Path given, Path testFile) {
        Path folder = testFile.toAbsolutePath().normalize().getParent();
        Path root = given.toAbsolutePath().normalize();
        if (Files.isDirectory(given) && !folder.equals(root) && folder.startsWith(root)) {
            return root.relativize(folder).toString().replace('\\', '/');
        }
        return folder.getFileName() == null ? testFile.toString() : folder.getFileName().toString();
    }
}
