package dev.waiver.app.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/// Writes a realistic folder of Kyverno YAML (policies with categories, a few dozen exceptions of every
/// status across team namespaces, one broken file) for the screenshot and the window tests.
final class SampleWorkspace {

    record Policy(String name, String rule, String category) {
    }

    static final List<Policy> POLICIES = List.of(
            new Policy("disallow-privileged-containers", "privileged-containers", "Pod Security Standards (Baseline)"),
            new Policy("disallow-host-path", "host-path", "Pod Security Standards (Baseline)"),
            new Policy("disallow-host-namespaces", "host-namespaces", "Pod Security Standards (Baseline)"),
            new Policy("require-run-as-nonroot", "run-as-non-root", "Pod Security Standards (Restricted)"),
            new Policy("restrict-image-registries", "validate-registries", "Supply Chain Security"),
            new Policy("verify-image-signatures", "verify-signature", "Supply Chain Security"),
            new Policy("require-resource-limits", "validate-resources", "Best Practices"),
            new Policy("disallow-latest-tag", "require-image-tag", "Best Practices"),
            new Policy("require-network-policy", "require-netpol", "Multi-Tenancy"));

    private static final List<String> NAMESPACES = List.of("payments", "checkout", "identity", "data-platform",
            "ml-training", "observability", "ci-runners", "ingress", "storage", "search");
    private static final List<String> WORKLOADS = List.of("api", "worker", "gateway", "exporter", "agent", "indexer",
            "scheduler", "proxy", "backup", "migrator", "cache", "sidecar");
    private static final List<String> PEOPLE = List.of("alice.chen", "bob.martin", "carla.diaz", "deepak.rao",
            "erin.walsh", "farid.haddad", "grace.kim", "hugo.leroy");
    private static final List<String> REASONS = List.of(
            "Vendor image not yet mirrored to the internal registry",
            "Agent needs host metrics during the migration",
            "Legacy workload pending rewrite, tracked in the platform roadmap",
            "Debug session for a production incident",
            "CSI driver requires host path access",
            "Load test tooling runs as root");

    private SampleWorkspace() {
    }

    static Path write(Path folder, Instant now, int count) throws IOException {
        Files.createDirectories(folder);
        var policies = new StringBuilder();
        for (Policy p : POLICIES) {
            policies.append("""
                    apiVersion: kyverno.io/v1
                    kind: ClusterPolicy
                    metadata:
                      name: %s
                      annotations:
                        policies.kyverno.io/category: %s
                    spec:
                      rules:
                        - name: %s
                          match:
                            any:
                              - resources:
                                  kinds: [Pod]
                    ---
                    """.formatted(p.name(), p.category(), p.rule()));
        }
        Files.writeString(folder.resolve("policies.yaml"), policies);
        var random = new Random(42);
        for (int i = 0; i < count; i++) {
            String ns = NAMESPACES.get(random.nextInt(NAMESPACES.size()));
            String workload = WORKLOADS.get(random.nextInt(WORKLOADS.size()));
            Policy policy = POLICIES.get(random.nextInt(POLICIES.size()));
            String name = workload + "-" + policy.name().replaceFirst("^(disallow|require|restrict|verify)-", "") + "-" + i;
            Files.writeString(folder.resolve(ns + "-" + name + ".yaml"), exception(random, i, ns, workload, name, policy, now));
        }
        Files.writeString(folder.resolve("zz-broken.yaml"), "apiVersion: kyverno.io/v2\nkind: PolicyException\nmetadata: {name: [\n");
        return folder;
    }

    private static String exception(Random random, int i, String ns, String workload, String name, Policy policy, Instant now) {
        String person = PEOPLE.get(random.nextInt(PEOPLE.size())) + "@example.com";
        String approver = PEOPLE.get(random.nextInt(PEOPLE.size())) + "@example.com";
        Instant expires = now.plus(Duration.ofDays(random.nextInt(160) - 40)).plus(Duration.ofHours(random.nextInt(24)));
        var annotations = new StringBuilder();
        annotations.append("    waiver.dev/requestor: ").append(person).append('\n');
        annotations.append("    waiver.dev/ticket: SEC-").append(1200 + i).append('\n');
        annotations.append("    waiver.dev/reason: ").append(REASONS.get(random.nextInt(REASONS.size()))).append('\n');
        annotations.append("    waiver.dev/expires: \"").append(expires).append("\"\n");
        String condition = """
                  conditions:
                    all:
                      - key: "{{ time_before('{{ time_now_utc() }}', '%s') }}"
                        operator: Equals
                        value: true
                """.formatted(expires);
        switch (i % 11) {
            case 3 -> annotations.append("    waiver.dev/request-id: REQ-").append(300 + i).append('\n');
            case 5 -> annotations.append("    waiver.dev/request-id: REQ-").append(300 + i)
                    .append("\n    waiver.dev/rejected-by: ").append(approver).append('\n');
            case 7 -> annotations.append("    waiver.dev/approved-by: ").append(approver)
                    .append("\n    waiver.dev/revoked-by: ").append(approver).append('\n');
            case 8 -> annotations.append("    waiver.dev/approved-by: ").append(approver)
                    .append("\n    waiver.dev/disabled: \"true\"\n");
            case 10 -> condition = "";
            default -> annotations.append("    waiver.dev/approved-by: ").append(approver).append('\n');
        }
        return """
                apiVersion: kyverno.io/v2
                kind: PolicyException
                metadata:
                  name: %s
                  namespace: %s
                  annotations:
                %sspec:
                  exceptions:
                    - policyName: %s
                      ruleNames: [%s, autogen-%s]
                  match:
                    any:
                      - resources:
                          kinds: [Pod]
                          namespaces: [%s]
                          names: ["%s-*"]
                %s""".formatted(name, ns, annotations, policy.name(), policy.rule(), policy.rule(), ns, workload, condition);
    }
}
