package dev.waiver.app.review;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/// Replaces a file's text in one step: a hidden temporary file beside it, moved over it, so a reader (or
/// a crash) sees the old file or the new one, never half of it.
final class AtomicWrite {

    private AtomicWrite() {
    }

    static void writeString(Path file, String text) throws TargetWriteException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, text);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temp file is hidden and replaced on the next write
            }
            throw new TargetWriteException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
