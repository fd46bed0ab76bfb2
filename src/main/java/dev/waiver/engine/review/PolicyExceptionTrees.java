package dev.waiver.engine.review;

import dev.waiver.engine.exemption.PolicySummary;
import dev.waiver.engine.exemption.RuleSummary;
import dev.waiver.engine.exemption.TimeConditions;
import dev.waiver.engine.exemption.WaiverAnnotations;
import dev.waiver.engine.tree.Trees;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// Builds and edits Kyverno PolicyException objects as plain trees, keeping every field Waiver does not know.
///
/// Expiry is written the way Kyverno enforces it: `{{ time_before('{{ time_now_utc() }}', '<end>') }}
/// Equals true`, and a later start as `time_after` the same way; never the `LessThan` form, which is
/// never true. Edits return a new tree; the input is not changed.
public final class PolicyExceptionTrees {

    public static final String API_VERSION = "kyverno.io/v2";

    private PolicyExceptionTrees() {
    }

    /// A new request object. When it matches Pods, rules that match Pods get their `autogen-` rules and the
    /// matched kinds get the controller kinds, so the exception also covers the Deployments (and others)
    /// that create the Pods, as Kyverno checks them through the generated rules.
    public static Map<String, Object> newRequest(RequestForm form, String requestId, Optional<PolicySummary> policy) {
        var rules = new LinkedHashSet<>(form.rules());
        var kinds = new LinkedHashSet<>(form.kinds());
        if (kinds.contains("Pod")) {
            // Unknown policy: a rule asked to be waived for Pods matches Pods, and Kyverno's default controllers apply.
            var controllers = policy.map(PolicySummary::autogenControllers).orElse(PolicySummary.DEFAULT_CONTROLLERS)
                    .stream().sorted().toList();
            for (String rule : form.rules()) {
                boolean matchesPods = policy.map(p -> p.rule(rule).map(RuleSummary::matchesPods).orElse(false)).orElse(true);
                if (matchesPods) {
                    for (String controller : controllers) {
                        rules.add(PolicySummary.generatedRuleName(rule, controller));
                        kinds.add(controller);
                    }
                }
            }
        }
        var resources = new LinkedHashMap<String, Object>();
        resources.put("kinds", new ArrayList<>(kinds));
        resources.put("namespaces", new ArrayList<>(form.namespaces()));
        if (!form.names().isEmpty()) {
            resources.put("names", new ArrayList<>(form.names()));
        }
        var exception = new LinkedHashMap<String, Object>();
        exception.put("policyName", form.policy());
        exception.put("ruleNames", new ArrayList<>(rules));
        var spec = new LinkedHashMap<String, Object>();
        spec.put("exceptions", new ArrayList<>(List.of(exception)));
        spec.put("match", new LinkedHashMap<>(Map.of("any", new ArrayList<>(List.of(
                new LinkedHashMap<>(Map.of("resources", resources)))))));

        var annotations = new LinkedHashMap<String, Object>();
        annotations.put(WaiverAnnotations.REQUESTOR, form.requestor());
        annotations.put(WaiverAnnotations.REASON, form.reason());
        form.ticket().ifPresent(t -> annotations.put(WaiverAnnotations.TICKET, t));
        annotations.put(WaiverAnnotations.REQUEST_ID, requestId);
        form.resourceContext().ifPresent(c -> annotations.put(WaiverAnnotations.CONTEXT, c));
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("name", objectName(form, requestId));
        metadata.put("namespace", form.objectNamespace());
        metadata.put("annotations", annotations);

        var tree = new LinkedHashMap<String, Object>();
        tree.put("apiVersion", API_VERSION);
        tree.put("kind", "PolicyException");
        tree.put("metadata", metadata);
        tree.put("spec", spec);
        return withWindow(tree, form.starts(), form.expires());
    }

    /// A copy whose time conditions say exactly [starts, end): any earlier time bound, working or broken,
    /// is replaced; other conditions are kept.
    public static Map<String, Object> withWindow(Map<String, Object> tree, Optional<Instant> starts, Instant end) {
        var copy = deepCopy(tree);
        var spec = childMap(copy, "spec");
        var kept = new ArrayList<Object>();
        Object conditions = spec.get("conditions");
        var any = new ArrayList<Object>();
        if (conditions instanceof Map<?, ?> blocks) {
            for (Object c : Trees.list(blocks, "all")) {
                if (!isTimeBound(c)) {
                    kept.add(c);
                }
            }
            any.addAll(Trees.list(blocks, "any"));
        }
        var all = new ArrayList<Object>();
        starts.ifPresent(s -> all.add(bound("time_after", s)));
        all.add(bound("time_before", end));
        all.addAll(kept);
        var newConditions = new LinkedHashMap<String, Object>();
        newConditions.put("all", all);
        if (!any.isEmpty()) {
            newConditions.put("any", any);
        }
        spec.put("conditions", newConditions);
        return withAnnotation(copy, WaiverAnnotations.EXPIRES, rfc3339(end));
    }

    public static Map<String, Object> withAnnotation(Map<String, Object> tree, String key, String value) {
        var copy = deepCopy(tree);
        childMap(childMap(copy, "metadata"), "annotations").put(key, value);
        return copy;
    }

    public static Map<String, Object> withoutAnnotation(Map<String, Object> tree, String key) {
        var copy = deepCopy(tree);
        childMap(childMap(copy, "metadata"), "annotations").remove(key);
        return copy;
    }

    public static Optional<String> annotation(Map<String, Object> tree, String key) {
        return Trees.string(tree, "metadata", "annotations", key);
    }

    public static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /// A deep, mutable copy of a YAML/JSON tree.
    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepCopy(Map<String, Object> tree) {
        return (Map<String, Object>) copyValue(tree);
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copyValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>(list.size());
            list.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        return value;
    }

    private static Map<String, Object> bound(String function, Instant at) {
        var condition = new LinkedHashMap<String, Object>();
        condition.put("key", "{{ " + function + "('{{ time_now_utc() }}', '" + rfc3339(at) + "') }}");
        condition.put("operator", "Equals");
        condition.put("value", true);
        return condition;
    }

    private static boolean isTimeBound(Object condition) {
        var terms = TimeConditions.read(List.of(condition));
        return terms.start().isPresent() || terms.end().isPresent() || terms.neverHonoured();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> childMap(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (child instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        var created = new LinkedHashMap<String, Object>();
        parent.put(key, created);
        return created;
    }

    /// `<policy>-<namespace>-<id>`, lower-case, at most 63 characters, valid as a Kubernetes name.
    private static String objectName(RequestForm form, String requestId) {
        String ns = form.namespaces().stream().findFirst().orElse("all").replaceAll("[*?]", "any");
        String suffix = requestId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        suffix = suffix.substring(Math.max(0, suffix.length() - 6));
        String base = (form.policy() + "-" + ns).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        base = base.substring(0, Math.min(base.length(), 63 - suffix.length() - 1)).replaceAll("^-+|-+$", "");
        return base + "-" + suffix;
    }
}
