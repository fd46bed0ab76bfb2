package dev.waiver.engine.exemption;

/// The annotation keys Waiver writes on an exception object (design.md section 2). The object carries its
/// own review facts, so the cluster (and GitOps) stays the source of truth.
public final class WaiverAnnotations {

    public static final String REQUESTOR = "waiver.dev/requestor";
    public static final String TICKET = "waiver.dev/ticket";
    public static final String REASON = "waiver.dev/reason";
    public static final String RISK_ACCEPTANCE = "waiver.dev/risk-acceptance";
    public static final String APPROVED_BY = "waiver.dev/approved-by";
    public static final String APPROVED_AT = "waiver.dev/approved-at";
    public static final String EXPIRES = "waiver.dev/expires";
    public static final String REQUEST_ID = "waiver.dev/request-id";
    public static final String REJECTED_BY = "waiver.dev/rejected-by";
    public static final String REJECTION_REASON = "waiver.dev/rejection-reason";
    public static final String REVOKED_BY = "waiver.dev/revoked-by";
    public static final String REVOKED_AT = "waiver.dev/revoked-at";
    public static final String REVOCATION_REASON = "waiver.dev/revocation-reason";
    public static final String DISABLED = "waiver.dev/disabled";
    public static final String RENEWALS = "waiver.dev/renewals";
    public static final String ESCALATED = "waiver.dev/escalated";
    /// The kubeconfig context the failing resource of a request was read from, so Apply can suggest that
    /// cluster rather than guess one from the namespaces; absent for a request made on a folder or the demo.
    public static final String CONTEXT = "waiver.dev/context";

    private WaiverAnnotations() {
    }
}
