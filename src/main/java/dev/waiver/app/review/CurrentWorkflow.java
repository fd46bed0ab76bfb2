package dev.waiver.app.review;

import dev.waiver.app.settings.Settings;
import dev.waiver.engine.review.Workflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Supplier;

/// The workflow under the review settings `settings.properties` holds now: read again whenever the file
/// changed (its modification time or size), so a window left open follows a `waiver settings set` made
/// from a terminal, as the command line does on its next run.
final class CurrentWorkflow implements Supplier<Workflow> {

    private final Path settingsFile;
    private Object seen;
    private Workflow workflow;

    CurrentWorkflow(Path settingsFile) {
        this.settingsFile = settingsFile;
    }

    @Override
    public synchronized Workflow get() {
        Object now = stamp();
        if (workflow == null || !Objects.equals(now, seen)) {
            workflow = new Workflow(ReviewSettingsFile.read(Settings.load(settingsFile)));
            seen = now;
        }
        return workflow;
    }

    /// The file's modification time and size; null when it is missing or unreadable (the defaults).
    private Object stamp() {
        try {
            var attributes = Files.readAttributes(settingsFile, BasicFileAttributes.class);
            return java.util.List.of(attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return null;
        }
    }
}
