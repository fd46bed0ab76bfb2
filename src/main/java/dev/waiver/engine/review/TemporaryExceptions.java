package dev.waiver.engine.review;

import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import dev.waiver.engine.tree.Trees;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// The grace period of the first seed: when an evaluation finds a new failure under a policy that has
/// a grace period, Waiver drafts a temporary exception of that length and puts it in front of the
/// reviewers, so a team gets time to fix it before it blocks their deployments.
///
/// A failure is new when no case in the store already asks for the same policy, rule and resource.
public final class TemporaryExceptions {

    /// Who the audit log names as the requestor of a drafted exception.
    public static final String REQUESTOR = "waiver (grace period)";

    private TemporaryExceptions() {
    }

    public static List<RequestForm> drafts(List<RuleResult> results, ReviewSettings settings,
            Collection<ReviewCase> cases, Instant now) {
        var drafts = new LinkedHashMap<String, RequestForm>();
        for (RuleResult result : results) {
            if (result.status() != RuleStatus.FAIL) {
                continue;
            }
            String policy = policyName(result.policyKey());
            Optional<Duration> grace = settings.gracePeriod(policy);
            if (grace.isEmpty()) {
                continue;
            }
            String rule = podRule(result.ruleName());
            var resource = result.resource();
            String key = policy + "|" + rule + "|" + resource.namespace() + "|" + resource.name();
            if (drafts.containsKey(key) || covered(cases, policy, rule, resource.namespace(), resource.name())) {
                continue;
            }
            boolean podRule = !rule.equals(result.ruleName());
            drafts.put(key, new RequestForm(policy, List.of(rule),
                    List.of(resource.namespace().isEmpty() ? "*" : resource.namespace()),
                    List.of(podRule ? "Pod" : resource.kind()),
                    podRule ? List.of(resource.name(), resource.name() + "-*") : List.of(resource.name()),
                    "temporary exception: " + policy + "/" + rule + " fails on " + resource.kind() + " "
                            + resource.key() + " (" + grace.get().toDays() + "-day grace period)",
                    Optional.empty(), Optional.empty(), now.plus(grace.get()), REQUESTOR, Optional.empty()));
        }
        return new ArrayList<>(drafts.values());
    }

    private static boolean covered(Collection<ReviewCase> cases, String policy, String rule, String namespace, String name) {
        for (ReviewCase c : cases) {
            for (Map<String, Object> exception : Trees.maps(c.object(), "spec", "exceptions")) {
                boolean samePolicy = Trees.string(exception, "policyName").filter(policy::equals).isPresent();
                boolean sameRule = Trees.strings(exception, "ruleNames").contains(rule);
                var resources = Trees.maps(c.object(), "spec", "match", "any").stream()
                        .map(any -> Trees.map(any, "resources")).toList();
                boolean sameResource = resources.stream().anyMatch(r -> Trees.strings(r, "names").contains(name)
                        && (namespace.isEmpty() || Trees.strings(r, "namespaces").contains(namespace)));
                if (samePolicy && sameRule && sameResource) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String policyName(String policyKey) {
        int slash = policyKey.indexOf('/');
        return slash < 0 ? policyKey : policyKey.substring(slash + 1);
    }

    /// The Pod rule behind a generated `autogen-` rule, so the draft covers the Pods and their controllers.
    private static String podRule(String rule) {
        if (rule.startsWith("autogen-cronjob-")) {
            return rule.substring("autogen-cronjob-".length());
        }
        return rule.startsWith("autogen-") ? rule.substring("autogen-".length()) : rule;
    }
}
