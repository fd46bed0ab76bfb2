package dev.waiver.app.shell;

import dev.waiver.app.cluster.ContextChoice;
import dev.waiver.app.settings.Settings;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/// Which workspace the window shows: a folder, the demo, or kubeconfig contexts. Remembered in settings
/// as `demo`, `folder:<path>` or `contexts:<names>[;all][;kubeconfig=<file>]`, so the next start opens it again.
public sealed interface WorkspaceChoice {

    String SETTING = "workspace";

    record Folder(Path path) implements WorkspaceChoice {
        @Override
        public String settingValue() {
            return "folder:" + path;
        }
    }

    record Demo() implements WorkspaceChoice {
        @Override
        public String settingValue() {
            return "demo";
        }
    }

    /// Kubeconfig contexts, read live and then watched, merged into one register.
    ///
    /// @param kubeconfig the file named with `--kubeconfig`; empty: `KUBECONFIG`, else `~/.kube/config`
    /// @param contexts   the contexts named, in order, or every one; neither: the kubeconfig's current context
    record Contexts(Optional<Path> kubeconfig, ContextChoice contexts) implements WorkspaceChoice {

        /// These contexts (none: the current one).
        public Contexts(Optional<Path> kubeconfig, List<String> names) {
            this(kubeconfig, ContextChoice.named(names));
        }

        /// Names and path are URL-encoded, so a context name may hold any character. Every context is
        /// remembered as such (`;all`), so contexts added to the kubeconfig meanwhile open next time too.
        @Override
        public String settingValue() {
            return "contexts:" + contexts.named().stream().map(Contexts::encode).collect(Collectors.joining(","))
                    + (contexts.all() ? ";all" : "")
                    + kubeconfig.map(file -> ";kubeconfig=" + encode(file.toString())).orElse("");
        }

        static Optional<WorkspaceChoice> parse(String value) {
            String[] parts = value.substring("contexts:".length()).split(";", -1);
            List<String> names = Arrays.stream(parts[0].split(",")).filter(s -> !s.isEmpty()).map(Contexts::decode).toList();
            Optional<Path> kubeconfig = Optional.empty();
            boolean all = false;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].startsWith("kubeconfig=")) {
                    kubeconfig = Optional.of(Path.of(decode(parts[i].substring("kubeconfig=".length()))));
                } else if (parts[i].equals("all")) {
                    all = true;
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(new Contexts(kubeconfig, new ContextChoice(names, all)));
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }

    String settingValue();

    static Optional<WorkspaceChoice> fromSetting(String value) {
        if ("demo".equals(value)) {
            return Optional.of(new Demo());
        }
        try {
            if (value != null && value.startsWith("folder:") && value.length() > "folder:".length()) {
                return Optional.of(new Folder(Path.of(value.substring("folder:".length()))));
            }
            if (value != null && value.startsWith("contexts:")) {
                return Contexts.parse(value);
            }
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /// `--dir` if given, else the remembered workspace (a folder only while it still exists), else the demo.
    static WorkspaceChoice initial(Optional<Path> dir, Settings settings, Predicate<Path> isDirectory) {
        return initial(dir, Optional.empty(), ContextChoice.named(List.of()), settings, isDirectory);
    }

    /// `--dir` if given; else `--kubeconfig` / `--context` / `--all-contexts` (none of the last two: the
    /// kubeconfig's current context); else the remembered workspace (a folder only while it still exists);
    /// else the demo.
    static WorkspaceChoice initial(Optional<Path> dir, Optional<Path> kubeconfig, ContextChoice contexts,
                                   Settings settings, Predicate<Path> isDirectory) {
        if (dir.isPresent()) {
            return new Folder(dir.get());
        }
        if (kubeconfig.isPresent() || contexts.given()) {
            return new Contexts(kubeconfig, contexts);
        }
        return settings.get(SETTING).flatMap(WorkspaceChoice::fromSetting)
                .filter(c -> !(c instanceof Folder f) || isDirectory.test(f.path()))
                .orElseGet(Demo::new);
    }
}
