package dev.waiver.app.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;

/// `--measure-startup`: prints `first-frame-ms=N rss-mb=M` once the first frame is on screen, then
/// `loaded-ms=N loaded-rss-mb=M` once the workspace the window opens with has loaded (or failed), then
/// exits. Time counts from JVM start, so it includes everything a user waits through.
///
/// With the system property `waiver.measure.settle=SECONDS` (the start-up benchmark sets it) it waits that
/// long after the load before a last line, `settled-rss-mb=M`: the memory of the window left open on
/// that register, once the heap the load needed has been given back (app.HeapRelease, and the JVM's
/// periodic native heap trim).
final class StartupProbe {

    private StartupProbe() {
    }

    static void measureThenExit(PrintStream out, ObservableBooleanValue loading) {
        FirstFrame.then(() -> {
            report(out, "first-frame-ms=", " rss-mb=");
            // The window has been showing its workspace as loading since before the first frame.
            if (!loading.get()) {
                loaded(out);
                return;
            }
            // Once: a contexts workspace can end loading more than once (its snapshots, then what the servers say).
            var reported = new boolean[1];
            loading.addListener((obs, was, now) -> {
                if (!now && !reported[0]) {
                    reported[0] = true;
                    loaded(out);
                }
            });
        });
    }

    private static void loaded(PrintStream out) {
        report(out, "loaded-ms=", " loaded-rss-mb=");
        long settle = Long.getLong("waiver.measure.settle", 0);
        if (settle <= 0) {
            // Later, so what the end of the load still does in this event (saving the settings) is queued first.
            Platform.runLater(Platform::exit);
            return;
        }
        Thread.ofPlatform().daemon().name("waiver-measure-settle").start(() -> {
            try {
                Thread.sleep(settle * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.println("settled-rss-mb=" + residentMegabytes());
            out.flush();
            Platform.runLater(Platform::exit);
        });
    }

    private static void report(PrintStream out, String time, String rss) {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        out.println(time + ms + rss + residentMegabytes());
        out.flush();
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
