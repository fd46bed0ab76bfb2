package dev.waiver.app.cluster;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;

/// A kind Waiver reads from a cluster, with the API versions it accepts in order of preference.
///
/// Kyverno's and the policy-report group's kinds are custom resources: which version a server serves is
/// found by discovery ([ClusterReader]). Built-in kinds have one stable version.
public record ResourceType(String group, List<String> versions, String kind, String plural, boolean namespaced) {

    public static final ResourceType POLICY_EXCEPTION =
            new ResourceType("kyverno.io", List.of("v2", "v2beta1", "v2alpha1"), "PolicyException", "policyexceptions", true);
    public static final ResourceType CLUSTER_POLICY =
            new ResourceType("kyverno.io", List.of("v1", "v2beta1"), "ClusterPolicy", "clusterpolicies", false);
    public static final ResourceType POLICY =
            new ResourceType("kyverno.io", List.of("v1", "v2beta1"), "Policy", "policies", true);
    public static final ResourceType NAMESPACE = builtIn("", "v1", "Namespace", "namespaces", false);
    public static final ResourceType POLICY_REPORT =
            new ResourceType("wgpolicyk8s.io", List.of("v1alpha2"), "PolicyReport", "policyreports", true);
    public static final ResourceType CLUSTER_POLICY_REPORT =
            new ResourceType("wgpolicyk8s.io", List.of("v1alpha2"), "ClusterPolicyReport", "clusterpolicyreports", false);

    /// The workloads `waiver evaluate --context` checks: what Kyverno policies usually match.
    public static final List<ResourceType> WORKLOADS = List.of(
            builtIn("", "v1", "Pod", "pods", true),
            builtIn("apps", "v1", "Deployment", "deployments", true),
            builtIn("apps", "v1", "StatefulSet", "statefulsets", true),
            builtIn("apps", "v1", "DaemonSet", "daemonsets", true),
            builtIn("apps", "v1", "ReplicaSet", "replicasets", true),
            builtIn("batch", "v1", "Job", "jobs", true),
            builtIn("batch", "v1", "CronJob", "cronjobs", true),
            builtIn("", "v1", "Service", "services", true));

    public ResourceType {
        versions = List.copyOf(versions);
    }

    private static ResourceType builtIn(String group, String version, String kind, String plural, boolean namespaced) {
        return new ResourceType(group, List.of(version), kind, plural, namespaced);
    }

    public boolean isCustom() {
        return !group.isEmpty() && !group.equals("apps") && !group.equals("batch");
    }

    public String apiVersion(String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /// `policyexceptions.kyverno.io`, as kubectl and RBAC messages name a resource.
    public String resourceName() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    ResourceDefinitionContext definition(String version) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }
}
