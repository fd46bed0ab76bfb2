package dev.waiver.app;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/// On a Linux machine with no GPU to render with (a virtual desktop, a remote X session, a VM without a
/// virtual GPU), asks JavaFX for its software renderer before the toolkit starts.
///
/// JavaFX would end up there anyway: its GPU pipeline refuses OpenGL drawn in software ("Failed Graphics
/// Hardware Qualifier check"). But it finds out only after loading the system's OpenGL, and GTK loads it
/// again for GL of its own that JavaFX never uses; with Mesa that maps LLVM, about 55 MB that stay
/// resident for nothing (docs/benchmarks.md). So where there is no render node (`/dev/dri/renderD*`),
/// Waiver sets `prism.order=sw` and `GDK_GL=disable`. A machine with a GPU keeps JavaFX's own choice, and
/// so does a user who set `prism.order` or `GDK_GL` themselves.
final class SoftwareRendering {

    private static final Path RENDER_NODES = Path.of("/dev/dri");

    private SoftwareRendering() {
    }

    /// Call once, before the JavaFX toolkit starts.
    static void chooseBeforeToolkitStarts() {
        if (System.getProperty("prism.order") != null || !noRenderNode(RENDER_NODES)) {
            return;
        }
        System.setProperty("prism.order", "sw");
        if (System.getenv("GDK_GL") == null) {
            setEnvironment("GDK_GL", "disable");
        }
    }

    /// Whether `folder` (Linux's `/dev/dri`) holds no GPU render node, the device every OpenGL or Vulkan
    /// driver that draws on a GPU opens.
    static boolean noRenderNode(Path folder) {
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (var entries = Files.list(folder)) {
            return entries.noneMatch(p -> p.getFileName().toString().startsWith("renderD"));
        } catch (IOException | SecurityException e) {
            return false; // cannot tell: leave the choice to JavaFX
        }
    }

    /// GTK reads its settings from the process environment, which Java cannot change; the C library can.
    /// Nothing else runs yet that reads the environment, so this does not race with a reader.
    private static void setEnvironment(String name, String value) {
        try (var arena = Arena.ofConfined()) {
            var linker = Linker.nativeLinker();
            var setenv = linker.defaultLookup().find("setenv").orElse(null);
            if (setenv == null) {
                return;
            }
            var handle = linker.downcallHandle(setenv, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            int ignored = (int) handle.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 0);
        } catch (Throwable e) {
            // no native access: GTK loads its GL, which costs memory, not correctness
        }
    }
}
