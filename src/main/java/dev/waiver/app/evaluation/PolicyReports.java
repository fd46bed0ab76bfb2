package dev.waiver.app.evaluation;

import dev.waiver.engine.evaluation.RuleResult;
import dev.waiver.engine.evaluation.RuleStatus;
import dev.waiver.engine.tree.Trees;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/// Results as `wgpolicyk8s.io/v1alpha2` reports (kyverno-semantics.md §10), grouped the way
/// `kyverno apply --policy-report` groups them: one PolicyReport per namespace, one
/// ClusterPolicyReport for cluster-scoped resources. Same fields Kyverno writes, so dashboards that
/// read Kyverno's reports read these; Waiver adds the hidden result of a Skip as a property.
public final class PolicyReports {

    public static final String HIDDEN_RESULT = "waiver.dev/hidden-result";
    public static final String EXCEPTIONS = "waiver.dev/exceptions";
    private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low", "info");

    private PolicyReports() {
    }

    /// @param policies the policy trees, for severity, category and `scored` annotations
    public static List<Map<String, Object>> build(List<RuleResult> results, List<Map<String, Object>> policies, Instant now) {
        var annotations = new LinkedHashMap<String, Map<String, String>>();
        for (var p : policies) {
            String name = Trees.string(p, "metadata", "name").orElse("");
            String key = "Policy".equals(p.get("kind")) ? Trees.string(p, "metadata", "namespace").orElse("default") + "/" + name : name;
            annotations.put(key, Trees.stringMap(p, "metadata", "annotations"));
        }
        var byNamespace = new TreeMap<String, List<Map<String, Object>>>();
        for (RuleResult r : results) {
            byNamespace.computeIfAbsent(r.resource().namespace(), k -> new ArrayList<>())
                    .add(result(r, annotations.getOrDefault(r.policyKey(), Map.of()), now));
        }
        var reports = new ArrayList<Map<String, Object>>();
        byNamespace.forEach((ns, entries) -> {
            if (!ns.isEmpty()) {
                reports.add(report("PolicyReport", "policyreport-ns-" + ns, ns, entries));
            }
        });
        if (byNamespace.containsKey("")) {
            reports.add(report("ClusterPolicyReport", "clusterpolicyreport", "", byNamespace.get("")));
        }
        return reports;
    }

    private static Map<String, Object> report(String kind, String name, String namespace, List<Map<String, Object>> entries) {
        var meta = new LinkedHashMap<String, Object>();
        meta.put("name", name);
        if (!namespace.isEmpty()) {
            meta.put("namespace", namespace);
        }
        meta.put("labels", Map.of("app.kubernetes.io/managed-by", "waiver"));
        var summary = new LinkedHashMap<String, Object>();
        for (RuleStatus s : RuleStatus.values()) {
            summary.put(s.word(), entries.stream().filter(e -> s.word().equals(e.get("result"))).count());
        }
        var report = new LinkedHashMap<String, Object>();
        report.put("apiVersion", "wgpolicyk8s.io/v1alpha2");
        report.put("kind", kind);
        report.put("metadata", meta);
        report.put("summary", summary);
        report.put("results", entries);
        return report;
    }

    private static Map<String, Object> result(RuleResult r, Map<String, String> annotations, Instant now) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("source", "kyverno");
        entry.put("policy", r.policyKey());
        entry.put("rule", r.ruleName());
        entry.put("result", r.status().word());
        entry.put("message", r.message());
        String severity = annotations.getOrDefault("policies.kyverno.io/severity", "");
        if (SEVERITIES.contains(severity)) {
            entry.put("severity", severity);
        }
        String category = annotations.get("policies.kyverno.io/category");
        if (category != null && !category.isEmpty()) {
            entry.put("category", category);
        }
        entry.put("scored", !"false".equals(annotations.get("policies.kyverno.io/scored")));
        var timestamp = new LinkedHashMap<String, Object>();
        timestamp.put("seconds", now.getEpochSecond());
        timestamp.put("nanos", 0);
        entry.put("timestamp", timestamp);
        var resource = new LinkedHashMap<String, Object>();
        resource.put("apiVersion", r.resource().apiVersion());
        resource.put("kind", r.resource().kind());
        resource.put("name", r.resource().name());
        if (!r.resource().namespace().isEmpty()) {
            resource.put("namespace", r.resource().namespace());
        }
        entry.put("resources", List.of(resource));
        var properties = new LinkedHashMap<String, Object>();
        properties.put("process", "background scan");
        if (!r.exceptions().isEmpty()) {
            // Kyverno writes bare names here; the namespace goes in Waiver's own property.
            properties.put("exceptions", String.join(",", r.exceptions().stream().map(PolicyReports::lastPart).toList()));
            properties.put(EXCEPTIONS, String.join(",", r.exceptions()));
        }
        r.hiddenResult().ifPresent(h -> properties.put(HIDDEN_RESULT, h.word()));
        entry.put("properties", properties);
        return entry;
    }

    private static String lastPart(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
