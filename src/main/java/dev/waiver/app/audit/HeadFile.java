package dev.waiver.app.audit;

import dev.waiver.engine.audit.AuditHead;
import dev.waiver.engine.ports.AuditLogException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/// `audit.db.head`: the newest entry's number and hash (`SEQ HASH`), kept outside the database so that
/// deleting the newest rows is noticed. Written after each commit, atomically (a whole new file moved over
/// the old one), so it is never half-written and is at most behind the database, never ahead of it:
/// a crash between the commit and this write leaves it one entry behind, which the next append repairs.
final class HeadFile {

    private static final System.Logger LOG = System.getLogger(HeadFile.class.getName());
    private static final int MAX_BYTES = 256;

    private final Path file;

    HeadFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    String name() {
        return file.getFileName().toString();
    }

    /// The recorded head; empty when there is no file. A file that is not a head record is an error: it
    /// was written by someone other than the log.
    Optional<AuditHead> read() {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw unreadable();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new AuditLogException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        int space = text.indexOf(' ');
        if (space < 1) {
            throw unreadable();
        }
        try {
            return Optional.of(new AuditHead(Long.parseLong(text.substring(0, space)), text.substring(space + 1)));
        } catch (IllegalArgumentException e) {
            throw unreadable();
        }
    }

    private AuditLogException unreadable() {
        return new AuditLogException(file + " is not an audit head record (expected 'SEQ HASH'): it was changed outside Waiver");
    }

    /// Records `head` unless the file already records it or a newer one (another process may have
    /// appended after us). Failing here loses nothing: the entry is committed and the next append
    /// writes the head again, so the failure is logged rather than thrown.
    void advance(AuditHead head) {
        try {
            Optional<AuditHead> current = read();
            if (current.isPresent() && current.get().seq() >= head.seq()) {
                return;
            }
        } catch (AuditLogException e) {
            // unreadable: the append that just committed checked it, so another writer is replacing it now
        }
        try {
            write(head);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot record the audit log's head in " + file, e);
        }
    }

    /// Writes a new file beside the old one, flushes it to disk, then moves it over the old one.
    void write(AuditHead head) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = TempFiles.next(dir, name(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((head + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    void removeOrphans() {
        TempFiles.removeOrphans(file.toAbsolutePath().getParent(), name(), ".tmp");
    }

    /// Makes the rename itself durable where the platform allows opening a folder (not on Windows, where
    /// the move is already durable when it returns).
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: a lost rename leaves the head behind, which is tolerated
        }
    }
}
