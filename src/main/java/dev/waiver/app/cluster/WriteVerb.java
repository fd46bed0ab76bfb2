package dev.waiver.app.cluster;

import java.util.Locale;

/// The three ways Waiver changes exceptions in a cluster, named as RBAC names them.
public enum WriteVerb {
    CREATE, UPDATE, DELETE;

    /// The RBAC verb: `create`, `update`, `delete`.
    public String rbacVerb() {
        return name().toLowerCase(Locale.ROOT);
    }
}
