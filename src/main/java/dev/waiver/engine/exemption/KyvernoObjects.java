package dev.waiver.engine.exemption;

import dev.waiver.engine.tree.FrozenTree;
import dev.waiver.engine.tree.Trees;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/// Maps Kyverno objects (as plain trees) to the register's model: `PolicyException` to [Exemption],
/// `ClusterPolicy` / `Policy` to [PolicySummary].
public final class KyvernoObjects {

    public static final Set<String> EXCEPTION_VERSIONS = Set.of("kyverno.io/v2alpha1", "kyverno.io/v2beta1", "kyverno.io/v2");
    private static final String CLEANUP_TTL = "cleanup.kyverno.io/ttl";
    private static final String AUTOGEN_CONTROLLERS = "pod-policies.kyverno.io/autogen-controllers";
    private static final Pattern TTL_PART = Pattern.compile("(\\d+)(d|h|m|s)");

    private KyvernoObjects() {
    }

    public static boolean isPolicyException(Map<String, Object> tree) {
        return "PolicyException".equals(tree.get("kind"))
                && EXCEPTION_VERSIONS.contains(String.valueOf(tree.get("apiVersion")));
    }

    public static boolean isPolicy(Map<String, Object> tree) {
        Object kind = tree.get("kind");
        return ("ClusterPolicy".equals(kind) || "Policy".equals(kind))
                && String.valueOf(tree.get("apiVersion")).startsWith("kyverno.io/");
    }

    public static Exemption toExemption(Map<String, Object> tree, Source source, Optional<String> origin) {
        return toExemption(tree, FrozenTree.of(tree), source, origin);
    }

    /// The same, for a tree already kept frozen as `document`: the exemption shares that copy.
    public static Exemption toExemption(Map<String, Object> tree, FrozenTree document, Source source,
                                        Optional<String> origin) {
        String namespace = Trees.string(tree, "metadata", "namespace").orElse("");
        String name = Trees.string(tree, "metadata", "name").orElse("(unnamed)");
        var meta = new Metadata(Trees.stringMap(tree, "metadata", "annotations"), Trees.stringMap(tree, "metadata", "labels"));
        Optional<Instant> created = Trees.string(tree, "metadata", "creationTimestamp").flatMap(Timestamps::parseRfc3339);
        String qualified = namespace.isEmpty() ? name : namespace + "/" + name;
        // A local request is known by its request id, the handle every workflow command takes.
        String id = switch (source.kind()) {
            case CONTEXT -> source.name() + ":" + qualified;
            case REQUEST -> meta.get(WaiverAnnotations.REQUEST_ID).orElse(qualified);
            default -> qualified;
        };
        return new Exemption(id, source, String.valueOf(tree.get("apiVersion")), namespace, name,
                checks(tree), scope(Trees.map(tree, "spec", "match")),
                new Justification(
                        meta.get(WaiverAnnotations.REQUESTOR, "requestor", "requester"),
                        meta.get(WaiverAnnotations.REASON, "reason", "justification"),
                        meta.get(WaiverAnnotations.TICKET, "jira-ticket", "ticket"),
                        meta.get(WaiverAnnotations.RISK_ACCEPTANCE, "risk-acceptance")),
                new Decision(
                        meta.get(WaiverAnnotations.REQUEST_ID),
                        meta.get(WaiverAnnotations.APPROVED_BY, "approved-by"),
                        meta.get(WaiverAnnotations.REJECTED_BY),
                        meta.get(WaiverAnnotations.REJECTION_REASON),
                        meta.get(WaiverAnnotations.REVOKED_BY),
                        meta.get(WaiverAnnotations.REVOKED_AT).flatMap(Timestamps::parseLenient),
                        meta.get(WaiverAnnotations.DISABLED).map("true"::equalsIgnoreCase).orElse(false),
                        meta.get(WaiverAnnotations.RENEWALS).map(KyvernoObjects::count).orElse(0)),
                new Expiry(TimeConditions.read(Trees.at(tree, "spec", "conditions").orElse(null)),
                        meta.get(WaiverAnnotations.EXPIRES).flatMap(Timestamps::parseLenient),
                        meta.get(CLEANUP_TTL).flatMap(ttl -> cleanupTime(ttl, created))),
                created, origin, document);
    }

    public static PolicySummary toPolicySummary(Map<String, Object> tree) {
        String name = Trees.string(tree, "metadata", "name").orElse("(unnamed)");
        String kind = String.valueOf(tree.get("kind"));
        Optional<String> namespace = Trees.string(tree, "metadata", "namespace");
        String key = kind.equals("Policy") ? namespace.orElse("default") + "/" + name : name;
        var annotations = Trees.stringMap(tree, "metadata", "annotations");
        String controllers = annotations.getOrDefault(AUTOGEN_CONTROLLERS, "").strip();
        Set<String> autogen = controllers.isEmpty() ? PolicySummary.DEFAULT_CONTROLLERS
                : controllers.equalsIgnoreCase("none") ? Set.of()
                : Arrays.stream(controllers.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                        .collect(Collectors.toSet());
        var rules = Trees.maps(tree, "spec", "rules").stream()
                .map(rule -> new RuleSummary(Trees.string(rule, "name").orElse(""), matchesPods(rule)))
                .toList();
        return new PolicySummary(key, kind,
                Optional.ofNullable(annotations.get("policies.kyverno.io/title")),
                Arrays.stream(annotations.getOrDefault("policies.kyverno.io/category", "").split(","))
                        .map(String::strip).filter(c -> !c.isEmpty()).toList(),
                Optional.ofNullable(annotations.get("policies.kyverno.io/severity")),
                autogen, rules);
    }

    private static List<ExemptedCheck> checks(Map<String, Object> tree) {
        return Trees.maps(tree, "spec", "exceptions").stream()
                .map(e -> new ExemptedCheck(Trees.string(e, "policyName").orElse(""), Trees.strings(e, "ruleNames")))
                .toList();
    }

    private static ResourceScope scope(Map<String, Object> match) {
        boolean all = match.containsKey("all") && !match.containsKey("any");
        var filters = new ArrayList<ResourceFilter>();
        for (var filter : Trees.maps(match, all ? "all" : "any")) {
            filters.add(filter(Trees.map(filter, "resources")));
        }
        if (match.containsKey("resources")) {
            filters.add(filter(Trees.map(match, "resources")));
        }
        return new ResourceScope(all, filters);
    }

    private static ResourceFilter filter(Map<String, Object> resources) {
        var names = new ArrayList<>(Trees.strings(resources, "names"));
        Trees.string(resources, "name").ifPresent(names::add);
        return new ResourceFilter(
                Trees.strings(resources, "kinds"),
                Trees.strings(resources, "namespaces"),
                names,
                Trees.stringMap(resources, "selector", "matchLabels"),
                !Trees.list(resources, "selector", "matchExpressions").isEmpty(),
                !Trees.map(resources, "namespaceSelector").isEmpty());
    }

    private static boolean matchesPods(Map<String, Object> rule) {
        var kinds = new ArrayList<String>();
        for (String block : List.of("any", "all")) {
            Trees.maps(rule, "match", block).forEach(f -> kinds.addAll(Trees.strings(f, "resources", "kinds")));
        }
        kinds.addAll(Trees.strings(rule, "match", "resources", "kinds"));
        return kinds.stream().anyMatch(k -> k.equals("Pod") || k.endsWith("/Pod"));
    }

    /// `cleanup.kyverno.io/ttl` is either a time (RFC 3339 or a date) or a duration after creation.
    private static Optional<Instant> cleanupTime(String ttl, Optional<Instant> created) {
        var absolute = Timestamps.parseLenient(ttl);
        if (absolute.isPresent()) {
            return absolute;
        }
        Matcher m = TTL_PART.matcher(ttl.strip());
        Duration total = Duration.ZERO;
        int consumed = 0;
        while (m.find() && m.start() == consumed) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            consumed = m.end();
        }
        if (consumed == 0 || consumed != ttl.strip().length()) {
            return Optional.empty();
        }
        Duration ttlDuration = total;
        return created.map(c -> c.plus(ttlDuration));
    }

    private static int count(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /// Annotations first, then labels, under the first key present: teams use either.
    private record Metadata(Map<String, String> annotations, Map<String, String> labels) {
        Optional<String> get(String... keys) {
            for (String key : keys) {
                for (var source : List.of(annotations, labels)) {
                    String value = source.get(key);
                    if (value != null && !value.isBlank()) {
                        return Optional.of(value.strip());
                    }
                }
            }
            return Optional.empty();
        }
    }
}
