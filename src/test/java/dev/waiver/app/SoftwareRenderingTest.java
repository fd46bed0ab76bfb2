package dev.waiver.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareRenderingTest {

    @TempDir
    Path dri;

    @Test
    void aMachineWithARenderNodeKeepsJavaFxsChoice() throws Exception {
        Files.createFile(dri.resolve("card0"));
        Files.createFile(dri.resolve("renderD128"));
        assertFalse(SoftwareRendering.noRenderNode(dri));
    }

    @Test
    void aDisplayOnlyCardOrNoDeviceFolderMeansSoftwareRendering() throws Exception {
        assertTrue(SoftwareRendering.noRenderNode(dri.resolve("absent")), "no /dev/dri at all (a VM, a container)");
        Files.createFile(dri.resolve("card0"));
        assertTrue(SoftwareRendering.noRenderNode(dri), "a card that only drives a display, with no render node");
    }
}
