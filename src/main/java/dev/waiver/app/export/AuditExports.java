package dev.waiver.app.export;

import dev.waiver.engine.audit.AuditEntry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// Writes exports. A file is written under a temporary name beside its target and moved into place once
/// complete, so a failed or interrupted export never leaves a truncated file that looks like a real one.
public final class AuditExports {

    /// Writes one file's content.
    private interface Content {
        void write(Writer out) throws IOException;
    }

    private AuditExports() {
    }

    /// The export in one stream. CSV holds the entries only here: its sections need files of their own.
    public static void write(AuditExport export, ExportFormat format, Writer out) throws IOException {
        switch (format) {
            case CSV -> CsvExport.write(export, out);
            case JSON -> JsonExport.write(export, out);
            case HTML -> HtmlReport.write(export, out);
        }
        out.flush();
    }

    /// Entries as a JSON array of the objects a JSON export holds.
    public static void writeEntriesJson(List<AuditEntry> entries, Writer out) throws IOException {
        JsonExport.writeEntries(entries, out);
        out.flush();
    }

    /// Writes the export to `file`; a CSV export also writes each table of its sections beside it
    /// ([#tableFile]). Returns the files written, `file` first.
    public static List<Path> write(AuditExport export, ExportFormat format, Path file) throws IOException {
        var written = new ArrayList<Path>();
        written.add(file);
        if (format == ExportFormat.CSV) {
            for (ExportSection section : export.sections()) {
                for (ExportTable table : section.tables()) {
                    Path tableFile = tableFile(file, table);
                    writeAtomically(tableFile, out -> CsvExport.writeTable(table, out));
                    written.add(tableFile);
                }
            }
        }
        // The entries file last: it is what a reader looks for, so it appears only once the rest is there.
        writeAtomically(file, out -> write(export, format, out));
        return written;
    }

    /// `audit.csv` → `audit-register.csv`: the file a section's table goes to, beside the entries file.
    public static Path tableFile(Path entriesFile, ExportTable table) {
        String name = entriesFile.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return entriesFile.resolveSibling(stem + "-" + table.name() + ".csv");
    }

    private static void writeAtomically(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
                content.write(out);
                out.flush();
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
