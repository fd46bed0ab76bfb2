package dev.waiver.engine.exemption;

import dev.waiver.engine.evaluation.Wildcard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/// The findings a reviewer should see on an exception: what makes it risky, broken or untidy.
public final class Lint {

    /// How far ahead an end counts as "expiring soon".
    public static final Duration SOON = Duration.ofDays(7);
    private static final Duration SAME_TIME = Duration.ofMinutes(1);

    private Lint() {
    }

    public static List<Finding> findings(Exemption e, ExemptionStatus status, PolicyCatalog catalog, Instant now) {
        var out = new ArrayList<Finding>();
        expiryFindings(e, status, now, out);
        scopeFindings(e, out);
        checkFindings(e, catalog, out);
        if (e.justification().reason().isEmpty()) {
            out.add(new Finding(FindingCode.NO_JUSTIFICATION, "No reason is recorded for this exception."));
        }
        if (e.justification().ticket().isEmpty()) {
            out.add(new Finding(FindingCode.NO_TICKET, "No ticket links this exception to a tracked decision."));
        }
        out.sort(java.util.Comparator.comparing(f -> f.code().severity()));
        return List.copyOf(out);
    }

    private static void expiryFindings(Exemption e, ExemptionStatus status, Instant now, List<Finding> out) {
        Expiry expiry = e.expiry();
        var terms = expiry.conditions();
        if (terms.neverHonoured()) {
            out.add(new Finding(FindingCode.CONDITION_NEVER_TRUE, "Kyverno never honours this exception: its condition "
                    + terms.neverTrue().getFirst() + ". Rewrite it as time_before(…) Equals true."));
        }
        if (status == ExemptionStatus.EXPIRED && e.source().kind() != Source.Kind.REQUEST) {
            String since = expiry.shownEnd().map(end -> " " + Durations.ago(end, now) + " (" + end + ")").orElse("");
            out.add(new Finding(FindingCode.EXPIRED_PRESENT, "Expired" + since + " but still present: remove or renew it."));
        }
        if (expiry.annotated().isPresent() && !expiry.endEnforced() && !terms.neverHonoured()) {
            Instant said = expiry.annotated().get();
            String passed = said.isAfter(now) ? "" : " That date has passed and the exception is still honoured.";
            out.add(new Finding(FindingCode.EXPIRY_NOT_ENFORCED, "The expiry annotation says " + said
                    + ", but no condition or cleanup TTL enforces it: the cluster honours it until it is deleted." + passed));
        }
        if (expiry.shownEnd().isEmpty() && status != ExemptionStatus.REJECTED) {
            out.add(new Finding(FindingCode.NO_EXPIRY, "No end date: it is honoured until someone deletes it."));
        }
        Optional<Instant> conditionEnd = expiry.enforcedEnd().or(terms::intendedEnd);
        if (expiry.annotated().isPresent() && conditionEnd.isPresent()
                && Duration.between(expiry.annotated().get(), conditionEnd.get()).abs().compareTo(SAME_TIME) > 0) {
            out.add(new Finding(FindingCode.EXPIRY_MISMATCH, "The expiry annotation says " + expiry.annotated().get()
                    + " but the condition ends it at " + conditionEnd.get() + "."));
        }
        var end = expiry.enforcedEnd();
        if (status == ExemptionStatus.ACTIVE && end.isPresent() && end.get().isBefore(now.plus(SOON))) {
            out.add(new Finding(FindingCode.EXPIRING_SOON, "Expires " + Durations.until(end.get(), now) + " (" + end.get() + ")."));
        }
    }

    private static void scopeFindings(Exemption e, List<Finding> out) {
        var wildcards = new LinkedHashSet<String>();
        var unnamed = new LinkedHashSet<String>();
        for (ResourceFilter f : e.scope().filters()) {
            f.namespaces().stream().filter(Wildcard::hasWildcard).forEach(wildcards::add);
            if (f.names().isEmpty() && !f.hasSelector()) {
                unnamed.add(f.describe());
            }
        }
        if (!wildcards.isEmpty()) {
            out.add(new Finding(FindingCode.WILDCARD_NAMESPACE,
                    "Matches namespaces by wildcard (" + String.join(", ", wildcards) + "), including ones created later."));
        } else if (e.scope().reachesEveryNamespace()) {
            out.add(new Finding(FindingCode.WILDCARD_NAMESPACE, "Matches resources in every namespace."));
        }
        boolean everyFilterUnnamed = unnamed.size() == e.scope().filters().size();
        if (!unnamed.isEmpty() && (!e.scope().requireAll() || everyFilterUnnamed)) {
            out.add(new Finding(FindingCode.NO_NAMES, "Matches every resource of its kinds, not named ones: "
                    + String.join("; ", unnamed) + "."));
        }
    }

    /// A Pod rule is checked on controllers through its generated `autogen-` (and `autogen-cronjob-`)
    /// rules. An exception that reaches a controller kind but exempts only the Pod rule leaves the
    /// controller blocked, which is rarely what the requester meant.
    private static void checkFindings(Exemption e, PolicyCatalog catalog, List<Finding> out) {
        var missing = new LinkedHashSet<String>();
        var unknown = new LinkedHashSet<String>();
        for (ExemptedCheck check : e.checks()) {
            Optional<PolicySummary> policy = catalog.find(check.policy());
            if (policy.isEmpty() && !catalog.all().isEmpty()) {
                unknown.add(check.policy());
            }
            var controllers = e.scope().controllerKinds(
                    policy.map(PolicySummary::autogenControllers).orElse(PolicySummary.DEFAULT_CONTROLLERS));
            for (String podRule : podRules(check, policy)) {
                for (String kind : controllers) {
                    String generated = policy.map(p -> p.autogenRuleName(podRule, kind))
                            .orElseGet(() -> Optional.of(PolicySummary.generatedRuleName(podRule, kind)))
                            .orElse(null);
                    if (generated != null && !covered(check.rules(), generated)) {
                        missing.add(check.policy() + "/" + generated);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            out.add(new Finding(FindingCode.MISSING_AUTOGEN, "Reaches Pod controllers but does not exempt the rules "
                    + "Kyverno generates for them, so those stay blocked: " + String.join(", ", missing) + "."));
        }
        if (!unknown.isEmpty()) {
            out.add(new Finding(FindingCode.UNKNOWN_POLICY, "Names a policy this workspace does not have: "
                    + String.join(", ", unknown) + " (policy names must match exactly)."));
        }
    }

    /// The Pod rules an entry exempts: rules of the known policy that match Pods and a pattern, or, for
    /// an unknown policy, the literal rule names that are not themselves generated ones.
    private static List<String> podRules(ExemptedCheck check, Optional<PolicySummary> policy) {
        if (policy.isPresent()) {
            return policy.get().rules().stream().filter(RuleSummary::matchesPods).map(RuleSummary::name)
                    .filter(name -> covered(check.rules(), name)).toList();
        }
        return check.rules().stream().filter(r -> !r.startsWith("autogen-") && !Wildcard.hasWildcard(r)).toList();
    }

    private static boolean covered(List<String> rulePatterns, String ruleName) {
        return rulePatterns.stream().anyMatch(p -> Wildcard.match(p, ruleName));
    }
}
