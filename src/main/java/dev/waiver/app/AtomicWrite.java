package dev.waiver.app;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/// Replaces a file's text in one step: a hidden temporary file beside it, moved over it, so a reader (or
/// a crash) sees the old file or the new one, never half of it. Used for every small file Waiver writes
/// whole: applied exceptions, repaired folders, settings.
public final class AtomicWrite {

    private AtomicWrite() {
    }

    public static void writeString(Path file, String text) throws IOException {
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
            throw e;
        }
    }
}
