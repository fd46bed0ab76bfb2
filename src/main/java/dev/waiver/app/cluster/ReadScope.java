package dev.waiver.app.cluster;

import java.util.ArrayList;
import java.util.List;

/// What to read besides exceptions, policies and namespaces (always read): policy reports and workloads
/// cost a list each and can be large, so they are read only on request (evaluation, report views).
public record ReadScope(boolean reports, boolean workloads) {

    public static ReadScope register() {
        return new ReadScope(false, false);
    }

    public static ReadScope evaluation() {
        return new ReadScope(false, true);
    }

    List<ResourceType> types() {
        var types = new ArrayList<>(List.of(ResourceType.POLICY_EXCEPTION, ResourceType.CLUSTER_POLICY,
                ResourceType.POLICY, ResourceType.NAMESPACE));
        if (reports) {
            types.add(ResourceType.POLICY_REPORT);
            types.add(ResourceType.CLUSTER_POLICY_REPORT);
        }
        if (workloads) {
            types.addAll(ResourceType.WORKLOADS);
        }
        return types;
    }
}
