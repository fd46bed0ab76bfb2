package dev.waiver.app.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/// `--measure-startup`: prints `first-frame-ms=N rss-mb=M` once the first frame is on screen, then exits.
/// The second pulse after `show()` is the first one that follows a rendered frame; time counts from JVM
/// start, so it includes everything a user waits through.
final class StartupProbe {

    private StartupProbe() {
    }

    static void measureThenExit(PrintStream out) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                out.println("first-frame-ms=" + ms + " rss-mb=" + residentMegabytes());
                out.flush();
                Platform.exit();
            }
        }.start();
    }

    /// Resident set size from `/proc/self/status` (Linux); elsewhere the Java heap in use, which is less.
    static long residentMegabytes() {
        return procRssKb().stream().map(kb -> kb / 1024).findFirst().orElseGet(() -> {
            Runtime rt = Runtime.getRuntime();
            return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        });
    }

    private static OptionalLong procRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall through to the heap estimate
        }
        return OptionalLong.empty();
    }
}
