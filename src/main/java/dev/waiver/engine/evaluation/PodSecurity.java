package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/// The Pod Security Standards checks of a `podSecurity` rule (§6.5), on the pod spec of a Pod or
/// of a controller's pod template. Each finding names its control, container image (empty for
/// pod-level fields), restricted field and offending value, so that rule `exclude` entries and
/// exception `podSecurity` entries can waive exactly what they name.
final class PodSecurity {

    /// One failed check at the finest grain an exclusion can name.
    record Violation(String control, String image, String field, String value) {
    }

    private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    private static final Set<String> SELINUX_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

    private PodSecurity() {
    }

    static BodyOutcome evaluate(PolicyRule rule, PodSecurityLevel level, Resource resource, List<PodSecurityExclusion> extra) {
        if (level.level().equals("privileged")) {
            return BodyOutcome.of(RuleStatus.PASS, "validation rule '" + rule.name() + "' passed.");
        }
        var exclusions = new ArrayList<>(level.excludes());
        exclusions.addAll(extra);
        List<Violation> left = violations(level.level(), resource).stream()
                .filter(v -> exclusions.stream().noneMatch(x -> waives(x, v))).toList();
        if (left.isEmpty()) {
            return BodyOutcome.of(RuleStatus.PASS, "validation rule '" + rule.name() + "' passed.");
        }
        String detail = left.stream().collect(Collectors.groupingBy(Violation::control, java.util.LinkedHashMap::new,
                        Collectors.mapping(v -> v.field() + (v.value().isEmpty() ? "" : "=" + v.value()), Collectors.toList())))
                .entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining("; "));
        return BodyOutcome.of(RuleStatus.FAIL, "Validation rule '" + rule.name() + "' failed. It violates PodSecurity \""
                + level.level() + ":" + level.version() + "\": " + detail);
    }

    /// Kyverno's exclusion semantics: without images an exclusion covers pod-level fields, with
    /// images the fields of containers running a matching image; a restricted field and values
    /// narrow it further.
    static boolean waives(PodSecurityExclusion x, Violation v) {
        if (!x.controlName().equals(v.control())) {
            return false;
        }
        if (x.images().isEmpty() != v.image().isEmpty()) {
            return false;
        }
        if (!x.images().isEmpty() && x.images().stream().noneMatch(i -> Wildcard.match(i, v.image()))) {
            return false;
        }
        if (!x.restrictedField().isEmpty() && !x.restrictedField().equals(v.field())) {
            return false;
        }
        return x.values().isEmpty() || v.value().isEmpty() || x.values().contains(v.value());
    }

    /// The pod spec and metadata a resource runs: a Pod's own, or a controller's template.
    private static Map<String, Object> podOf(Resource r) {
        Object spec = r.tree().get("spec");
        return switch (r.kind()) {
            case "Pod" -> r.tree();
            case "CronJob" -> Trees.asMap(Trees.get(spec, "jobTemplate", "spec", "template"));
            default -> Trees.asMap(Trees.get(spec, "template")).isEmpty() ? r.tree() : Trees.asMap(Trees.get(spec, "template"));
        };
    }

    static List<Violation> violations(String level, Resource resource) {
        var pod = podOf(resource);
        var spec = Trees.asMap(pod.get("spec"));
        var podSc = Trees.asMap(spec.get("securityContext"));
        var out = new ArrayList<Violation>();
        boolean restricted = level.equals("restricted");
        for (String f : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (Boolean.TRUE.equals(spec.get(f))) {
                out.add(new Violation("Host Namespaces", "", "spec." + f, "true"));
            }
        }
        if (Boolean.TRUE.equals(Trees.get(podSc, "windowsOptions", "hostProcess"))) {
            out.add(new Violation("HostProcess", "", "spec.securityContext.windowsOptions.hostProcess", "true"));
        }
        for (Object v : Trees.asList(spec.get("volumes"))) {
            var volume = Trees.asMap(v);
            if (volume.containsKey("hostPath")) {
                out.add(new Violation("HostPath Volumes", "", "spec.volumes[*].hostPath", ""));
            }
            if (restricted) {
                for (String type : volume.keySet()) {
                    if (!type.equals("name") && !RESTRICTED_VOLUMES.contains(type)) {
                        out.add(new Violation("Volume Types", "", "spec.volumes[*]", type));
                    }
                }
            }
        }
        for (Object s : Trees.asList(podSc.get("sysctls"))) {
            String name = String.valueOf(Trees.asMap(s).get("name"));
            if (!SAFE_SYSCTLS.contains(name)) {
                out.add(new Violation("Sysctls", "", "spec.securityContext.sysctls[*].name", name));
            }
        }
        for (var a : Trees.asMap(Trees.get(pod, "metadata", "annotations")).entrySet()) {
            if (a.getKey().startsWith("container.apparmor.security.beta.kubernetes.io/")) {
                String value = Trees.sprint(a.getValue());
                if (!value.equals("runtime/default") && !value.startsWith("localhost/")) {
                    out.add(new Violation("AppArmor", "", "metadata.annotations[\"" + a.getKey() + "\"]", value));
                }
            }
        }
        appArmorField(podSc, "", "spec.securityContext", out);
        seLinux(podSc, "", "spec.securityContext", out);
        Object podSeccomp = Trees.get(podSc, "seccompProfile", "type");
        if ("Unconfined".equals(podSeccomp)) {
            out.add(new Violation("Seccomp", "", "spec.securityContext.seccompProfile.type", "Unconfined"));
        }
        if (restricted) {
            if (podSeccomp != null && !"RuntimeDefault".equals(podSeccomp) && !"Localhost".equals(podSeccomp)
                    && !"Unconfined".equals(podSeccomp)) {
                out.add(new Violation("Seccomp", "", "spec.securityContext.seccompProfile.type", Trees.sprint(podSeccomp)));
            }
            if (Long.valueOf(0).equals(podSc.get("runAsUser"))) {
                out.add(new Violation("Running as Non-root user", "", "spec.securityContext.runAsUser", "0"));
            }
            if (Boolean.FALSE.equals(podSc.get("runAsNonRoot"))) {
                out.add(new Violation("Running as Non-root", "", "spec.securityContext.runAsNonRoot", "false"));
            }
        }
        boolean podNonRoot = Boolean.TRUE.equals(podSc.get("runAsNonRoot"));
        boolean podSeccompOk = "RuntimeDefault".equals(podSeccomp) || "Localhost".equals(podSeccomp);
        for (String list : CONTAINER_LISTS) {
            for (Object c : Trees.asList(spec.get(list))) {
                containerChecks(Trees.asMap(c), "spec." + list + "[*]", restricted, podNonRoot, podSeccompOk, out);
            }
        }
        return out;
    }

    private static void containerChecks(Map<String, Object> c, String base, boolean restricted, boolean podNonRoot,
                                        boolean podSeccompOk, List<Violation> out) {
        String image = Trees.sprint(c.getOrDefault("image", ""));
        var sc = Trees.asMap(c.get("securityContext"));
        String scPath = base + ".securityContext";
        if (Boolean.TRUE.equals(sc.get("privileged"))) {
            out.add(new Violation("Privileged Containers", image, scPath + ".privileged", "true"));
        }
        if (Boolean.TRUE.equals(Trees.get(sc, "windowsOptions", "hostProcess"))) {
            out.add(new Violation("HostProcess", image, scPath + ".windowsOptions.hostProcess", "true"));
        }
        for (Object a : Trees.asList(Trees.get(sc, "capabilities", "add"))) {
            String cap = Trees.sprint(a);
            boolean allowed = restricted ? cap.equals("NET_BIND_SERVICE") : BASELINE_CAPABILITIES.contains(cap);
            if (!allowed) {
                out.add(new Violation("Capabilities", image, scPath + ".capabilities.add", cap));
            }
        }
        for (Object p : Trees.asList(c.get("ports"))) {
            Object hostPort = Trees.asMap(p).get("hostPort");
            if (hostPort instanceof Number n && n.longValue() != 0) {
                out.add(new Violation("Host Ports", image, base + ".ports[*].hostPort", Trees.sprint(n)));
            }
        }
        Object procMount = sc.get("procMount");
        if (procMount != null && !"Default".equals(procMount)) {
            out.add(new Violation("/proc Mount Type", image, scPath + ".procMount", Trees.sprint(procMount)));
        }
        appArmorField(sc, image, scPath, out);
        seLinux(sc, image, scPath, out);
        Object seccomp = Trees.get(sc, "seccompProfile", "type");
        if ("Unconfined".equals(seccomp)) {
            out.add(new Violation("Seccomp", image, scPath + ".seccompProfile.type", "Unconfined"));
        }
        if (!restricted) {
            return;
        }
        if (!podSeccompOk && !"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp) && !"Unconfined".equals(seccomp)) {
            out.add(new Violation("Seccomp", image, scPath + ".seccompProfile.type", seccomp == null ? "" : Trees.sprint(seccomp)));
        }
        if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
            out.add(new Violation("Privilege Escalation", image, scPath + ".allowPrivilegeEscalation",
                    Trees.sprint(sc.get("allowPrivilegeEscalation"))));
        }
        Object nonRoot = sc.get("runAsNonRoot");
        if (Boolean.FALSE.equals(nonRoot) || (!podNonRoot && !Boolean.TRUE.equals(nonRoot))) {
            out.add(new Violation("Running as Non-root", image, scPath + ".runAsNonRoot", Trees.sprint(nonRoot)));
        }
        if (Long.valueOf(0).equals(sc.get("runAsUser"))) {
            out.add(new Violation("Running as Non-root user", image, scPath + ".runAsUser", "0"));
        }
        boolean dropsAll = Trees.asList(Trees.get(sc, "capabilities", "drop")).stream().anyMatch("ALL"::equals);
        if (!dropsAll) {
            out.add(new Violation("Capabilities", image, scPath + ".capabilities.drop", ""));
        }
    }

    private static void appArmorField(Map<String, Object> sc, String image, String path, List<Violation> out) {
        Object type = Trees.get(sc, "appArmorProfile", "type");
        if (type != null && !"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
            out.add(new Violation("AppArmor", image, path + ".appArmorProfile.type", Trees.sprint(type)));
        }
    }

    private static void seLinux(Map<String, Object> sc, String image, String path, List<Violation> out) {
        var options = Trees.asMap(sc.get("seLinuxOptions"));
        if (options.isEmpty()) {
            return;
        }
        Object type = options.get("type");
        if (type != null && !SELINUX_TYPES.contains(Trees.sprint(type))) {
            out.add(new Violation("SELinux", image, path + ".seLinuxOptions.type", Trees.sprint(type)));
        }
        for (String f : List.of("user", "role")) {
            Object v = options.get(f);
            if (v != null && !Trees.sprint(v).isEmpty()) {
                out.add(new Violation("SELinux", image, path + ".seLinuxOptions." + f, Trees.sprint(v)));
            }
        }
    }
}
