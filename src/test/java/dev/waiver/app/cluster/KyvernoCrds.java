package dev.waiver.app.cluster;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/// Kyverno's CRDs as a test API server needs them: just enough for discovery to know the kinds.
final class KyvernoCrds {

    private KyvernoCrds() {
    }

    /// `policyexceptions.kyverno.io`, served and stored as `v2`.
    static CustomResourceDefinition policyExceptions() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("policyexceptions.kyverno.io").endMetadata()
                .withNewSpec().withGroup("kyverno.io").withScope("Namespaced")
                .withNewNames().withKind("PolicyException").withListKind("PolicyExceptionList")
                .withPlural("policyexceptions").withSingular("policyexception").addToShortNames("polex").endNames()
                .addNewVersion().withName("v2").withServed(true).withStorage(true).endVersion()
                .endSpec().build();
    }

    static void register(KubernetesClient client) {
        client.apiextensions().v1().customResourceDefinitions().resource(policyExceptions()).create();
    }
}
