package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.waiver.app.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Where a context keeps its exceptions: Kyverno's flag in every form Go accepts, the busiest namespace
/// as a guess, and the user's choice over both.
class ClusterExceptionNamespaceTest {

    @TempDir
    Path home;

    @Test
    void kyvernosFlagIsReadInEveryFormGoAccepts() {
        assertEquals(Optional.of("exc"), ExceptionNamespaces.flag(List.of("--exceptionNamespace=exc")));
        assertEquals(Optional.of("exc"), ExceptionNamespaces.flag(List.of("-exceptionNamespace=exc")));
        assertEquals(Optional.of("exc"), ExceptionNamespaces.flag(List.of("--v=2", "--exceptionNamespace", "exc")));
        assertEquals(Optional.empty(), ExceptionNamespaces.flag(List.of("--exceptionNamespace=")));
        assertEquals(Optional.empty(), ExceptionNamespaces.flag(List.of("--exceptionNamespace", "--v=2")));
        assertEquals(Optional.empty(), ExceptionNamespaces.flag(List.of("--enablePolicyException=true")));
    }

    @Test
    void theBusiestNamespaceIsTheGuessTiesByName() {
        var objects = List.of(exception("b"), exception("a"), exception("b"), exception("a"), exception("c"));
        assertEquals(ExceptionNamespace.of("a", ExceptionNamespace.Origin.MOST_EXCEPTIONS), ExceptionNamespaces.mostExceptions(objects));
        assertEquals(ExceptionNamespace.unset(), ExceptionNamespaces.mostExceptions(List.of()));
    }

    @Test
    void theUsersChoiceForAContextWinsAndSurvivesARestart() throws Exception {
        var detected = ExceptionNamespace.of("kyverno-exceptions", ExceptionNamespace.Origin.KYVERNO_FLAG);
        Settings settings = Settings.load(home.resolve(Settings.FILE_NAME));
        assertEquals(detected, ExceptionNamespaces.resolve(detected, settings, "prod"));

        ExceptionNamespaces.choose(settings, "prod", Optional.of("team-exceptions"));
        settings.save();
        Settings reloaded = Settings.load(home.resolve(Settings.FILE_NAME));
        assertEquals(ExceptionNamespace.of("team-exceptions", ExceptionNamespace.Origin.USER_SETTING),
                ExceptionNamespaces.resolve(detected, reloaded, "prod"));
        assertEquals(detected, ExceptionNamespaces.resolve(detected, reloaded, "staging"), "per context");

        ExceptionNamespaces.choose(reloaded, "prod", Optional.empty());
        assertEquals(detected, ExceptionNamespaces.resolve(detected, reloaded, "prod"));
    }

    private static ClusterObject exception(String namespace) {
        return ClusterObject.of(Map.of("apiVersion", "kyverno.io/v2", "kind", "PolicyException",
                "metadata", Map.of("name", "x", "namespace", namespace)));
    }
}
