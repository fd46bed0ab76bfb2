package dev.waiver.app.cluster;

import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Locale;
import java.util.Objects;

/// The API type of an exception object (Kyverno's `kyverno.io/v2` PolicyException, its older versions,
/// later the CEL `policies.kyverno.io` one), taken from the object's own `apiVersion` and `kind`.
///
/// Writes address the type through an explicit [ResourceDefinitionContext] rather than discovery: it
/// needs no extra round trip, works on servers that hide their discovery documents from the user, and
/// names exactly the version the reviewer read, so a `v2beta1` object is written back as `v2beta1`.
public record ExemptionKind(String group, String version, String kind, String plural) {

    public static final ExemptionKind KYVERNO_V2 = of("kyverno.io/v2", "PolicyException");

    public ExemptionKind {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plural, "plural");
    }

    /// @param apiVersion `group/version`, or a bare version for the core group
    public static ExemptionKind of(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        return new ExemptionKind(group, version, kind, Pluralize.toPlural(kind.toLowerCase(Locale.ROOT)));
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /// How `kubectl` and RBAC messages name the type: `policyexceptions.kyverno.io`.
    public String resourceName() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /// The URL path of one namespaced object of this type.
    String objectPath(String namespace, String name) {
        String root = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return root + "/namespaces/" + namespace + "/" + plural + "/" + name;
    }

    ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group).withVersion(version).withKind(kind).withPlural(plural).withNamespaced(true)
                .build();
    }
}
