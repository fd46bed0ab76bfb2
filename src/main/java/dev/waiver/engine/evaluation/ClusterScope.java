package dev.waiver.engine.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /// Copies of the documents where a namespaced resource without a namespace gets `default`, as
    /// `kyverno test` (≥ 1.12) and the API server do; kinds not known here count as namespaced.
    public static List<Map<String, Object>> withDefaultNamespace(List<Map<String, Object>> docs) {
        var out = new ArrayList<Map<String, Object>>(docs.size());
        for (var doc : docs) {
            String kind = Trees.string(doc, "kind").orElse("");
            if (kind.isEmpty() || isClusterScoped(kind)
                    || Trees.string(doc, "metadata", "namespace").filter(s -> !s.isEmpty()).isPresent()) {
                out.add(doc);
                continue;
            }
            var copy = new LinkedHashMap<>(doc);
            var meta = new LinkedHashMap<>(Trees.asMap(doc.get("metadata")));
            meta.put("namespace", "default");
            copy.put("metadata", meta);
            out.add(copy);
        }
        return out;
    }
}
