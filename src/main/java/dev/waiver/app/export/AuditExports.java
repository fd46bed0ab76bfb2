package dev.waiver.app.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/// Writes exports. A file is written under a temporary name beside its target and moved into place once
/// complete, so a failed or interrupted export never leaves a truncated file that looks like a real one.
public final class AuditExports {

    private AuditExports() {
    }

    public static void write(AuditExport export, ExportFormat format, Writer out) throws IOException {
        switch (format) {
            case CSV -> CsvExport.write(export, out);
            case JSON -> JsonExport.write(export, out);
            case HTML -> HtmlReport.write(export, out);
        }
        out.flush();
    }

    /// Entries as a JSON array of the objects a JSON export holds.
    public static void writeEntriesJson(java.util.List<dev.waiver.engine.audit.AuditEntry> entries, Writer out) throws IOException {
        JsonExport.writeEntries(entries, out);
        out.flush();
    }

    public static void write(AuditExport export, ExportFormat format, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 Writer out = new BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
                write(export, format, out);
                channel.force(true);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
