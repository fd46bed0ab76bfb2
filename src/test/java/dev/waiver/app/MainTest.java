package dev.waiver.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/// Which arguments open the window and which run the command line.
class MainTest {

    @Test
    void theWindowsOptionsOpenTheWindowAndACommandRunsTheCommandLine() {
        assertTrue(Main.opensWindow(new String[0]));
        assertTrue(Main.opensWindow(new String[] {"--all-contexts"}));
        assertTrue(Main.opensWindow(new String[] {"--kubeconfig", "/k", "--all-contexts", "--home", "/h"}),
                "--all-contexts takes no value: --home after it is still an option");
        assertTrue(Main.opensWindow(new String[] {"--kubeconfig=/k", "--context", "prod", "--measure-startup"}));
        assertFalse(Main.opensWindow(new String[] {"exceptions", "list", "--all-contexts"}));
        assertFalse(Main.opensWindow(new String[] {"--kubeconfig", "/k", "contexts"}));
    }
}
