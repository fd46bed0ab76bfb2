package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Kyverno's auto-generated rules for Pod controllers (§7): `autogen-<rule>` for Deployments,
/// DaemonSets, Jobs, StatefulSets, ReplicaSets and ReplicationControllers, `autogen-cronjob-<rule>`
/// for CronJobs, with patterns wrapped into the pod template and variables rewritten.
final class Autogen {

    static final List<String> POD_CONTROLLERS = List.of("DaemonSet", "Deployment", "Job", "StatefulSet",
            "ReplicaSet", "ReplicationController");
    static final Set<String> ALL_CONTROLLERS = Set.of("DaemonSet", "Deployment", "Job", "StatefulSet",
            "ReplicaSet", "ReplicationController", "CronJob");
    private static final List<String> CONTROLLER_KINDS = List.of("apps/v1/DaemonSet", "apps/v1/Deployment",
            "batch/v1/Job", "apps/v1/StatefulSet", "apps/v1/ReplicaSet", "v1/ReplicationController");
    private static final Pattern REQUEST_PATH = Pattern.compile("request\\.(object|oldObject)\\.(spec|metadata)");

    private Autogen() {
    }

    /// The controllers a policy generates rules for (empty when autogen does not apply).
    static Set<String> controllers(Map<String, Object> policy, List<Map<String, Object>> rules) {
        Object annotation = Trees.get(policy, "metadata", "annotations", "pod-policies.kyverno.io/autogen-controllers");
        if (!canAutogen(rules)) {
            return Set.of();
        }
        if (annotation == null) {
            return ALL_CONTROLLERS;
        }
        String value = String.valueOf(annotation).trim();
        if (value.equals("none")) {
            return Set.of();
        }
        return Set.of(value.split(","));
    }

    private static boolean canAutogen(List<Map<String, Object>> rules) {
        boolean mentionsPodOrController = false;
        for (var rule : rules) {
            if (rule.containsKey("generate") || Trees.get(rule, "mutate", "patchesJson6902") != null) {
                return false;
            }
            for (String block : new String[] {"match", "exclude"}) {
                for (ResourceFilter f : MatchBlock.of(rule.get(block)).allFilters()) {
                    if (!f.names().isEmpty() || f.selector().isPresent() || !f.annotations().isEmpty()) {
                        return false;
                    }
                    var kinds = f.kinds().stream().map(KindSelector::kind).toList();
                    if (kinds.contains("Pod") && kinds.size() > 1) {
                        return false;
                    }
                    for (String k : kinds) {
                        if (k.equals("Pod") || ALL_CONTROLLERS.contains(k)) {
                            mentionsPodOrController = true;
                        }
                    }
                }
            }
        }
        return mentionsPodOrController;
    }

    /// Whether a rule gets generated variants: match lists Pod and exclude (if it lists kinds) too.
    static boolean ruleQualifies(PolicyRule rule) {
        if (!listsPod(rule.match())) {
            return false;
        }
        boolean excludeHasKinds = rule.exclude().allFilters().stream().anyMatch(f -> !f.kinds().isEmpty());
        return !excludeHasKinds || listsPod(rule.exclude());
    }

    private static boolean listsPod(MatchBlock block) {
        return block.allFilters().stream().anyMatch(f -> f.kinds().stream().anyMatch(k -> k.kind().equals("Pod")));
    }

    /// The generated rule for Pod controllers (`cronJob` false) or CronJobs (`cronJob` true).
    static PolicyRule generate(PolicyRule original, boolean cronJob) {
        Map<String, Object> src = original.source();
        var rule = new LinkedHashMap<String, Object>();
        for (var e : src.entrySet()) {
            String k = e.getKey();
            switch (k) {
                case "name" -> rule.put(k, truncate((cronJob ? "autogen-cronjob-" : "autogen-") + e.getValue()));
                case "match", "exclude" -> rule.put(k, rewriteKinds(e.getValue(), cronJob));
                case "validate" -> rule.put(k, rewriteValidate(Trees.asMap(e.getValue()), cronJob));
                default -> rule.put(k, rewriteVariables(e.getValue(), cronJob));
            }
        }
        return PolicyRule.of(rule);
    }

    private static String truncate(String name) {
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    private static Object rewriteKinds(Object block, boolean cronJob) {
        if (block instanceof Map<?, ?> m) {
            var out = new LinkedHashMap<String, Object>();
            for (var e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (k.equals("kinds") && e.getValue() instanceof List<?> kinds) {
                    boolean pod = kinds.stream().anyMatch(x -> KindSelector.parse(String.valueOf(x)).kind().equals("Pod"));
                    if (cronJob) {
                        out.put(k, List.of("batch/v1/CronJob"));
                    } else {
                        out.put(k, pod ? CONTROLLER_KINDS : kinds);
                    }
                } else {
                    out.put(k, rewriteKinds(e.getValue(), cronJob));
                }
            }
            return out;
        }
        if (block instanceof List<?> l) {
            var out = new ArrayList<Object>();
            for (Object o : l) {
                out.add(rewriteKinds(o, cronJob));
            }
            return out;
        }
        return block;
    }

    private static Map<String, Object> rewriteValidate(Map<String, Object> validate, boolean cronJob) {
        var out = new LinkedHashMap<String, Object>();
        for (var e : validate.entrySet()) {
            switch (e.getKey()) {
                case "pattern" -> out.put("pattern", wrap(rewriteVariables(e.getValue(), cronJob), cronJob));
                case "anyPattern" -> {
                    var list = new ArrayList<Object>();
                    for (Object p : Trees.asList(e.getValue())) {
                        list.add(wrap(rewriteVariables(p, cronJob), cronJob));
                    }
                    out.put("anyPattern", list);
                }
                case "podSecurity" -> out.put("podSecurity", e.getValue());
                default -> out.put(e.getKey(), rewriteVariables(e.getValue(), cronJob));
            }
        }
        return out;
    }

    private static Object wrap(Object pattern, boolean cronJob) {
        Object wrapped = Map.of("spec", Map.of("template", pattern));
        if (cronJob) {
            wrapped = Map.of("spec", Map.of("jobTemplate", wrapped));
        }
        return wrapped;
    }

    /// The plain text replacement Kyverno applies to variables in generated rules.
    static Object rewriteVariables(Object tree, boolean cronJob) {
        if (tree instanceof String s) {
            if (!s.contains("request.")) {
                return s;
            }
            Matcher m = REQUEST_PATH.matcher(s);
            var sb = new StringBuilder();
            while (m.find()) {
                String target = cronJob ? "spec.jobTemplate.spec.template." : "spec.template.";
                m.appendReplacement(sb, Matcher.quoteReplacement("request." + m.group(1) + "." + target + m.group(2)));
            }
            m.appendTail(sb);
            return sb.toString();
        }
        if (tree instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            for (var e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), rewriteVariables(e.getValue(), cronJob));
            }
            return out;
        }
        if (tree instanceof List<?> l) {
            var out = new ArrayList<Object>();
            for (Object o : l) {
                out.add(rewriteVariables(o, cronJob));
            }
            return out;
        }
        return tree;
    }
}
