package dev.waiver.app.review;

import dev.waiver.app.settings.Settings;
import dev.waiver.app.workspace.YamlWriter;
import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.ports.AuditLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/// Changes one review setting the way a decision is made: recorded in the audit log first (who, the value
/// before and after), then written to `settings.properties` in one step. The change comes checked
/// ([ReviewSettingsFile#check]), so a bad key or value never reaches the log or the file; setting the value
/// the file already holds records nothing.
///
/// A setting entry concerns no exception: its exemption id is empty, so the review history passes over it.
/// `before` and `after` are the setting as one line of YAML (`review.max-days: 14`), empty when unset.
///
/// Changes take turns, across processes too (a lock on `settings.properties.lock` beside the file, held
/// from reading the value before to writing the new one), so two `settings set` at once cannot both
/// record the same "before" and leave the log saying something other than what happened.
public final class ReviewSettingChange {

    /// What came of a change.
    public sealed interface Outcome {
        /// Recorded (entry `seq`) and written; `was` and `now` are the values in effect, defaults named.
        record Changed(String key, String was, String now, long seq) implements Outcome {
        }

        /// The file already holds this value: nothing recorded or written.
        record Unchanged(String key, String value) implements Outcome {
        }

        /// Recorded, but the file could not be written: running the command again writes it.
        record NotWritten(String message) implements Outcome {
        }
    }

    private ReviewSettingChange() {
    }

    public static Outcome apply(ReviewSettingsFile.Checked.Valid change, AuditLog log, Path settingsFile, String actor,
                                Instant now) {
        synchronized (ReviewSettingChange.class) { // a file lock is per process: threads take turns here
            FileChannel turn = takeTurn(settingsFile.resolveSibling(settingsFile.getFileName() + ".lock"));
            try {
                return applyInTurn(change, log, settingsFile, actor, now);
            } finally {
                if (turn != null) {
                    try {
                        turn.close(); // releases the lock
                    } catch (IOException ignored) {
                        // the process's exit releases it too
                    }
                }
            }
        }
    }

    /// The locked lock file, or null when the folder cannot hold one: a folder that cannot hold the lock
    /// file cannot hold the new settings either, and saying so is left to the save.
    private static FileChannel takeTurn(Path lockFile) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return channel;
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing was locked
                }
            }
            return null;
        }
    }

    private static Outcome applyInTurn(ReviewSettingsFile.Checked.Valid change, AuditLog log, Path settingsFile,
                                       String actor, Instant now) {
        String key = change.key();
        Settings settings = Settings.load(settingsFile);
        Optional<String> before = settings.get(key);
        String was = inEffect(settings, key);
        if (before.equals(change.value())) {
            return new Outcome.Unchanged(key, was);
        }
        settings.put(key, change.value().orElse(null));
        String then = inEffect(settings, key);
        String comment = key + (change.value().isPresent() ? " set" : " unset") + ": " + was + " to " + then;
        AuditEntry entry = log.append(new AuditRecord(now, actor, AuditAction.SETTING, "", "", comment,
                yaml(key, before), yaml(key, change.value())));
        try {
            settings.save();
        } catch (IOException e) {
            return new Outcome.NotWritten("the change is recorded (entry " + entry.seq() + ") but " + settingsFile
                    + " could not be written: " + e.getMessage());
        }
        return new Outcome.Changed(key, was, then, entry.seq());
    }

    /// `14`, `30 (default)`, or `none` for a grace period or auto-apply list that is not set.
    private static String inEffect(Settings settings, String key) {
        return ReviewSettingsFile.list(settings).stream().filter(s -> s.key().equals(key)).findFirst()
                .map(s -> (s.value().isEmpty() ? "none" : s.value()) + (s.origin().equals("set") ? "" : " (default)"))
                .orElse("none");
    }

    private static String yaml(String key, Optional<String> value) {
        return value.map(v -> YamlWriter.write(Map.of(key, v))).orElse("");
    }
}
