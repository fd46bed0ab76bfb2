package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Finding and merging kubeconfigs the way kubectl does, and failing with one line that never quotes them.
class KubeconfigsTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    private static String config(String current, String... contexts) {
        var yaml = new StringBuilder("apiVersion: v1\nkind: Config\n");
        if (current != null) {
            yaml.append("current-context: ").append(current).append('\n');
        }
        yaml.append("clusters:\n");
        for (String c : contexts) {
            yaml.append("- name: ").append(c).append("\n  cluster:\n    server: https://").append(c).append(".example:6443\n");
        }
        yaml.append("users:\n");
        for (String c : contexts) {
            yaml.append("- name: ").append(c).append("-admin\n  user:\n    token: ").append(TestCluster.TOKEN).append('\n');
        }
        yaml.append("contexts:\n");
        for (String c : contexts) {
            yaml.append("- name: ").append(c).append("\n  context:\n    cluster: ").append(c).append("\n    user: ")
                    .append(c).append("-admin\n    namespace: ns-").append(c).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void contextsKeepFileOrderWithTheCurrentOneMarked() throws IOException {
        Path file = write("config", config("prod", "dev", "prod", "prod-kyverno"));
        var kubeconfigs = Kubeconfigs.load(List.of(file));
        assertEquals(List.of("dev", "prod", "prod-kyverno"), kubeconfigs.contexts().stream().map(KubeContext::name).toList());
        var prod = kubeconfigs.context("prod");
        assertEquals(new KubeContext("prod", true, Optional.of("prod"), Optional.of("https://prod.example:6443"),
                Optional.of("prod-admin"), Optional.of("ns-prod"), file), prod);
        assertEquals(Optional.of(prod), kubeconfigs.current());
    }

    @Test
    void severalFilesMergeFirstWinsAndTheFirstCurrentContextCounts() throws IOException {
        Path first = write("a", config(null, "dev", "shared"));
        Path second = write("b", config("staging", "shared", "staging").replace("https://shared.example", "https://other.example"));
        var kubeconfigs = Kubeconfigs.load(List.of(first, second));
        assertEquals(List.of("dev", "shared", "staging"), kubeconfigs.contexts().stream().map(KubeContext::name).toList());
        assertEquals(Optional.of("https://shared.example:6443"), kubeconfigs.context("shared").server());
        assertEquals(first, kubeconfigs.context("shared").file());
        assertEquals("staging", kubeconfigs.current().orElseThrow().name());
    }

    @Test
    void theFilesAreFoundAsKubectlFindsThem() throws IOException {
        Path a = write("a", config("dev", "dev"));
        Path b = write("b", config(null, "prod"));
        Path explicit = write("explicit", config(null, "x"));
        String missing = dir.resolve("missing").toString();
        String variable = String.join(java.io.File.pathSeparator, a.toString(), missing, b.toString());

        assertEquals(List.of(explicit), Kubeconfigs.locate(Optional.of(explicit), Optional.of(variable), dir));
        assertEquals(List.of(a, b), Kubeconfigs.locate(Optional.empty(), Optional.of(variable), dir));
        Path home = write("home/.kube/config", config("dev", "dev"));
        assertEquals(List.of(home), Kubeconfigs.locate(Optional.empty(), Optional.empty(), dir.resolve("home")));

        assertEquals(dir.resolve("nope") + ": no such kubeconfig file", assertThrows(KubeconfigException.class,
                () -> Kubeconfigs.locate(Optional.of(dir.resolve("nope")), Optional.empty(), dir)).getMessage());
        assertEquals("no kubeconfig: KUBECONFIG names " + missing + " and none of them exists", assertThrows(KubeconfigException.class,
                () -> Kubeconfigs.locate(Optional.empty(), Optional.of(missing), dir)).getMessage());
        assertEquals("no kubeconfig: " + dir.resolve("elsewhere/.kube/config") + " does not exist (set KUBECONFIG or pass --kubeconfig FILE)",
                assertThrows(KubeconfigException.class,
                        () -> Kubeconfigs.locate(Optional.empty(), Optional.empty(), dir.resolve("elsewhere"))).getMessage());
    }

    @Test
    void aMalformedKubeconfigIsOneLineThatNeverQuotesIt() throws IOException {
        Path broken = write("broken", "apiVersion: v1\nkind: Config\nusers: [ {name: u, user: {token: \"" + TestCluster.TOKEN + "\"} }\n");
        var error = assertThrows(KubeconfigException.class, () -> Kubeconfigs.load(List.of(broken)));
        assertEquals(broken + ": not a valid kubeconfig (YAML error at line 4)", error.getMessage());

        Path wrong = write("wrong", "apiVersion: v1\nkind: Config\ncontexts: \"" + TestCluster.TOKEN + "\"\n");
        error = assertThrows(KubeconfigException.class, () -> Kubeconfigs.load(List.of(wrong)));
        assertEquals(wrong + ": not a valid kubeconfig (unexpected value at contexts)", error.getMessage());
        assertFalse(error.getMessage().contains(TestCluster.TOKEN));

        Path empty = write("empty", "\n");
        assertEquals(List.of(), Kubeconfigs.load(List.of(empty)).contexts());
    }

    @Test
    void aContextsClientTakesItsServerNamespaceAndCredentials() throws IOException {
        var kubeconfigs = Kubeconfigs.load(List.of(write("config", config("dev", "dev", "prod"))));
        var config = kubeconfigs.config("prod", ClientSettings.defaults());
        assertEquals("https://prod.example:6443/", config.getMasterUrl());
        assertEquals("ns-prod", config.getNamespace());
        assertEquals(TestCluster.TOKEN, config.getAutoOAuthToken() != null ? config.getAutoOAuthToken() : config.getOauthToken());
        assertEquals(5000, config.getConnectionTimeout());
        assertEquals(0, config.getWatchReconnectLimit());
        assertEquals("prod-admin", config.getCurrentContext().getContext().getUser());
        assertEquals("no context 'qa' in the kubeconfig (it has dev, prod)",
                assertThrows(KubeconfigException.class, () -> kubeconfigs.config("qa", ClientSettings.defaults())).getMessage());
    }
}
