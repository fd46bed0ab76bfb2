package dev.waiver.engine.evaluation;

import java.util.Set;

/// Kinds that Kubernetes serves cluster-scoped. `kyverno test` puts every other resource without
/// a namespace into `default`, and so must Waiver to name results the same way.
public final class ClusterScope {

    private static final Set<String> KINDS = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
            "ClusterRoleBinding", "StorageClass", "CustomResourceDefinition", "APIService", "CSIDriver", "CSINode",
            "CertificateSigningRequest", "ComponentStatus", "FlowSchema", "PriorityLevelConfiguration",
            "IngressClass", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
            "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy",
            "MutatingAdmissionPolicyBinding", "PriorityClass", "RuntimeClass", "VolumeAttachment",
            "PodSecurityPolicy", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview",
            "TokenReview", "SelfSubjectReview", "StorageVersion", "ClusterPolicy", "ClusterPolicyReport",
            "ClusterReport", "ClusterCleanupPolicy", "ClusterEphemeralReport", "IPAddress", "ServiceCIDR",
            "DeviceClass", "ResourceSlice", "VolumeAttributesClass");

    private ClusterScope() {
    }

    public static boolean isClusterScoped(String kind) {
        return KINDS.contains(kind);
    }
}
