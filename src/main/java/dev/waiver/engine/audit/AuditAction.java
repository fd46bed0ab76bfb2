package dev.waiver.engine.audit;

/// What an audit entry records. Stored by name, so names never change once written.
public enum AuditAction {
    /// A new exception request (In Review).
    REQUEST,
    /// A reviewer approved a request.
    APPROVE,
    /// A reviewer rejected a request.
    REJECT,
    /// An approved exception was written to a cluster or folder.
    APPLY,
    /// An exception got a new end date and justification.
    RENEW,
    /// A reviewer ended an exception before its expiry.
    REVOKE,
    /// An exception was deleted from its cluster or folder.
    REMOVE,
    /// An exception was flagged for a permanent decision.
    ESCALATE,
    /// A broken expiry condition was rewritten to the form Kyverno honours.
    REPAIR,
    /// Waiver drafted a temporary exception for a new failure under a grace-period policy.
    DRAFT,
    /// A review setting changed (approvals needed, maximum duration, grace periods).
    SETTING
}
