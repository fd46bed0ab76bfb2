package dev.waiver.app.clusters;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// The threads alive in this JVM, virtual ones included (the session's scheduler runs on a virtual thread,
/// which `Thread.getAllStackTraces()` does not list): taken from the JDK's JSON thread dump.
final class LiveThreads {

    private LiveThreads() {
    }

    /// The ids of the live threads whose name starts with `prefix`.
    static Set<String> named(String prefix) {
        try {
            Path dir = Files.createTempDirectory("waiver-threads");
            Path dump = dir.resolve("threads.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                var ids = new TreeSet<String>();
                JsonNode containers = JsonMapper.shared().readTree(dump.toFile()).path("threadDump").path("threadContainers");
                for (JsonNode container : containers) {
                    for (JsonNode thread : container.path("threads")) {
                        if (thread.path("name").asString().startsWith(prefix)) {
                            ids.add(thread.path("tid").asString());
                        }
                    }
                }
                return ids;
            } finally {
                Files.deleteIfExists(dump);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
