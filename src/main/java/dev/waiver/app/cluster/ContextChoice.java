package dev.waiver.app.cluster;

import java.util.LinkedHashSet;
import java.util.List;

/// Which contexts of a kubeconfig to read: the ones named (`--context`, in order, each once), every one
/// (`--all-contexts`), or, with neither, the current one. The command line and the window both say
/// which contexts they mean with this, and both turn it into names through [#names].
///
/// @param named the contexts named; empty with `all`
/// @param all   every context of the kubeconfig, whatever it holds when it is read
public record ContextChoice(List<String> named, boolean all) {

    /// The one line both the command line and the window give for `--all-contexts` beside `--context`.
    public static final String BOTH_GIVEN = "--all-contexts reads every context, --context only the ones it names: choose one";

    public ContextChoice {
        named = List.copyOf(new LinkedHashSet<>(named));
        if (all && !named.isEmpty()) {
            throw new IllegalArgumentException(BOTH_GIVEN);
        }
    }

    /// These contexts; none: the kubeconfig's current one.
    public static ContextChoice named(List<String> names) {
        return new ContextChoice(names, false);
    }

    public static ContextChoice every() {
        return new ContextChoice(List.of(), true);
    }

    /// Whether contexts were asked for at all (`--context` or `--all-contexts`), rather than left to the current one.
    public boolean given() {
        return all || !named.isEmpty();
    }

    /// The names this choice means in the kubeconfig: every context in file order, or the ones named (as
    /// named: a name the kubeconfig lacks fails when that context is read), or the current one. Empty
    /// when the kubeconfig has no contexts, or none is current and none was named.
    public List<String> names(Kubeconfigs kubeconfigs) {
        if (all) {
            return kubeconfigs.contexts().stream().map(KubeContext::name).toList();
        }
        if (named.isEmpty()) {
            return kubeconfigs.current().map(KubeContext::name).stream().toList();
        }
        return named;
    }
}
