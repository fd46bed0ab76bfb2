package dev.waiver.app.audit;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/// The writer that [AuditCrashTest] kills: appends to the log of the folder it is given, forever, and
/// prints `SEQ HASH` for each append once `append` has returned (the entry is then acknowledged).
public final class AuditCrashChild {

    private AuditCrashChild() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        String writer = args[1];
        PrintStream out = System.out;
        try (SqliteAuditLog log = SqliteAuditLog.open(home)) {
            for (int i = 0; ; i++) {
                AuditEntry entry = log.append(new AuditRecord(Instant.now(), "writer-" + writer, AuditAction.values()[i % 11],
                        "ns/exception-" + i, "ctx", "append " + i + " of writer " + writer,
                        "kind: PolicyException\n", "kind: PolicyException\nmetadata: {name: e" + i + "}\n"));
                out.println(entry.seq() + " " + entry.hash());
                out.flush();
            }
        }
    }
}
