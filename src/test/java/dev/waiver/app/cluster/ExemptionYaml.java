package dev.waiver.app.cluster;

import dev.waiver.app.workspace.YamlDocuments;
import java.util.Map;

/// PolicyExceptions as the app holds them: YAML read by the app's own reader into plain maps.
final class ExemptionYaml {

    private ExemptionYaml() {
    }

    /// A Kyverno v2 exception with Waiver's annotations, the enforceable expiry condition, and fields no
    /// Kyverno version knows (`spec.futureField`, top-level `x-team-notes`) that must survive every write.
    static Map<String, Object> allowDebug(String namespace, String name) {
        return read("""
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata:
                  name: %s
                  namespace: %s
                  labels: {team: payments}
                  annotations:
                    waiver.dev/requestor: dana
                    waiver.dev/expires: "2026-12-31T00:00:00Z"
                spec:
                  background: false
                  exceptions:
                  - policyName: disallow-privileged-containers
                    ruleNames: [privileged-containers, autogen-privileged-containers]
                  match:
                    any:
                    - resources:
                        kinds: [Pod]
                        namespaces: [%s]
                        names: ["debug-*"]
                  conditions:
                    all:
                    - key: "{{ time_before('{{ time_now_utc() }}', '2026-12-31T00:00:00Z') }}"
                      operator: Equals
                      value: true
                  futureField:
                    nested: [1, "2", true, null, 2.5]
                    big: 12345678901234567890
                x-team-notes: keep this
                """.formatted(name, namespace, namespace));
    }

    static Map<String, Object> read(String yaml) {
        var result = YamlDocuments.readString("test.yaml", yaml);
        if (!result.problems().isEmpty()) {
            throw new IllegalArgumentException(result.problems().toString());
        }
        return result.documents().getFirst().tree();
    }
}
