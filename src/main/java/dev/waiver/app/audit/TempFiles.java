package dev.waiver.app.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/// Names for the temporary files the log writes beside itself, and removal of the ones a killed process
/// left behind. A name carries the writer's process id, so a file is only removed once its writer is gone
/// (never from under a live writer in another process).
final class TempFiles {

    private static final AtomicLong COUNTER = new AtomicLong();

    private TempFiles() {
    }

    /// `base.PID-N.suffix`: unique among this process's writers and every other process's.
    static Path next(Path dir, String base, String suffix) {
        return dir.resolve(base + "." + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + suffix);
    }

    /// Removes `base.PID-N.suffix…` files whose process is no longer running. Best effort: a file that
    /// cannot be removed now is tried again on the next open.
    static void removeOrphans(Path dir, String base, String suffix) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob(base) + ".*-*" + glob(suffix) + "*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String rest = name.substring(base.length() + 1);
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(rest.substring(0, dash));
                    if (ProcessHandle.of(pid).isEmpty()) {
                        Files.deleteIfExists(file);
                    }
                } catch (NumberFormatException | IOException e) {
                    // not one of ours, or not removable now: leave it
                }
            }
        } catch (IOException e) {
            // an unreadable folder fails more clearly when the log itself is opened
        }
    }

    private static String glob(String literal) {
        return literal.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }
}
