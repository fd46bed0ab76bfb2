package dev.waiver.engine.exemption;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/// A combination of the register's filters. An empty set does not constrain its dimension; the text is
/// split into words that must all appear (in name, namespace, policy, rule, matched names, requestor,
/// ticket or reason). `contexts` keeps exceptions read from (or applied to) any of those kubeconfig
/// contexts; a local request not yet applied, or a folder's exception, has none and is left out by it.
public record RegisterFilter(Set<ExemptionStatus> statuses, Set<String> checkTypes, Set<String> namespaces,
                             Set<String> contexts, String text) {

    public RegisterFilter {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        checkTypes = Set.copyOf(checkTypes);
        namespaces = Set.copyOf(namespaces);
        contexts = Set.copyOf(contexts);
        text = text == null ? "" : text.strip();
    }

    /// Every context.
    public RegisterFilter(Set<ExemptionStatus> statuses, Set<String> checkTypes, Set<String> namespaces, String text) {
        this(statuses, checkTypes, namespaces, Set.of(), text);
    }

    public static RegisterFilter all() {
        return new RegisterFilter(Set.of(), Set.of(), Set.of(), Set.of(), "");
    }

    public RegisterFilter withStatuses(Set<ExemptionStatus> newStatuses) {
        return new RegisterFilter(newStatuses, checkTypes, namespaces, contexts, text);
    }

    public RegisterFilter withContexts(Set<String> newContexts) {
        return new RegisterFilter(statuses, checkTypes, namespaces, newContexts, text);
    }

    public RegisterFilter withText(String newText) {
        return new RegisterFilter(statuses, checkTypes, namespaces, contexts, newText);
    }

    public boolean matches(RegisterEntry entry) {
        return predicate().test(entry);
    }

    /// The filter as a predicate, with the search words split once (it runs on every row per keystroke).
    public Predicate<RegisterEntry> predicate() {
        Predicate<RegisterEntry> others = predicateIgnoringStatus();
        if (statuses.isEmpty()) {
            return others;
        }
        return entry -> statuses.contains(entry.status()) && others.test(entry);
    }

    /// Every dimension but status: what the status counters count, so each counter says how many rows
    /// clicking it would show.
    public Predicate<RegisterEntry> predicateIgnoringStatus() {
        String[] words = words().toArray(String[]::new);
        return entry -> {
            if (!checkTypes.isEmpty() && entry.checkTypes().stream().noneMatch(checkTypes::contains)) {
                return false;
            }
            if (!namespaces.isEmpty() && namespaces.stream().noneMatch(entry::concernsNamespace)) {
                return false;
            }
            if (!contexts.isEmpty() && !entry.inAnyContext(contexts)) {
                return false;
            }
            String haystack = entry.searchText();
            for (String word : words) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }

    /// The search text split into lower-case words, each of which must appear.
    public List<String> words() {
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(text.toLowerCase(Locale.ROOT).split("\\s+"));
    }
}
