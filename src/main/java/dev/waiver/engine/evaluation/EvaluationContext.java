package dev.waiver.engine.evaluation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Everything the evaluator needs besides policies, resources and exceptions: namespace labels
/// (for `namespaceSelector`), variable values (a `kyverno test` values file: global, per policy and
/// resource) and the clock for `time_now_utc()`.
///
/// @param namespaceLabels namespace name → its labels
/// @param globalValues    variables for every resource, e.g. `request.operation: UPDATE`
/// @param resourceValues  variables for one policy and resource
/// @param operation       the admission operation when no value sets `request.operation`
public record EvaluationContext(Map<String, Map<String, Object>> namespaceLabels, Map<String, Object> globalValues,
                                List<ResourceValues> resourceValues, Optional<String> operation, Clock clock) {

    /// Values for one resource under one policy (`policy` empty = every policy).
    public record ResourceValues(String policy, String resource, Map<String, Object> values) {
    }

    public EvaluationContext {
        namespaceLabels = Map.copyOf(namespaceLabels);
        globalValues = Map.copyOf(globalValues);
        resourceValues = List.copyOf(resourceValues);
    }

    public static EvaluationContext of(Clock clock) {
        return new EvaluationContext(Map.of(), Map.of(), List.of(), Optional.empty(), clock);
    }

    public EvaluationContext withOperation(String op) {
        return new EvaluationContext(namespaceLabels, globalValues, resourceValues, Optional.of(op), clock);
    }

    public EvaluationContext withNamespaceLabels(Map<String, Map<String, Object>> labels) {
        return new EvaluationContext(labels, globalValues, resourceValues, operation, clock);
    }

    /// Reads a `cli.kyverno.io/v1alpha1` `Values` tree (or the older form without apiVersion).
    public static EvaluationContext fromValues(Map<String, Object> values, Clock clock) {
        var labels = new java.util.LinkedHashMap<String, Map<String, Object>>();
        for (Object o : Trees.asList(values.get("namespaceSelector"))) {
            var entry = Trees.asMap(o);
            labels.put(String.valueOf(entry.get("name")), Trees.asMap(Trees.normalize(entry.get("labels"))));
        }
        for (Object o : Trees.asList(values.get("namespaces"))) {
            var ns = Trees.asMap(o);
            Trees.string(ns, "metadata", "name").ifPresent(n ->
                    labels.putIfAbsent(n, Trees.asMap(Trees.normalize(Trees.get(ns, "metadata", "labels")))));
        }
        var perResource = new java.util.ArrayList<ResourceValues>();
        for (Object o : Trees.asList(values.get("policies"))) {
            var p = Trees.asMap(o);
            String policy = String.valueOf(p.getOrDefault("name", ""));
            for (Object r : Trees.asList(p.get("resources"))) {
                var rv = Trees.asMap(r);
                perResource.add(new ResourceValues(policy, String.valueOf(rv.getOrDefault("name", "")),
                        Trees.asMap(Trees.normalize(rv.get("values")))));
            }
        }
        return new EvaluationContext(labels, Trees.asMap(Trees.normalize(values.get("globalValues"))), perResource,
                Optional.empty(), clock);
    }

    /// The values for a resource under a policy: global ones overlaid by the specific ones.
    Map<String, Object> valuesFor(String policyName, Resource resource) {
        if (resourceValues.isEmpty()) {
            return globalValues;
        }
        var merged = new java.util.LinkedHashMap<>(globalValues);
        for (ResourceValues rv : resourceValues) {
            if ((rv.policy().isEmpty() || rv.policy().equals(policyName))
                    && (rv.resource().equals(resource.name()) || rv.resource().equals(resource.ref().key()))) {
                merged.putAll(rv.values());
            }
        }
        return merged;
    }
}
