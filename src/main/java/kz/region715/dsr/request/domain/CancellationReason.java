package kz.region715.dsr.request.domain;

public enum CancellationReason {
    /** Another open request of the subject covers the same thing. */
    DUPLICATE,
    /** The subject took the request back. */
    WITHDRAWN_BY_SUBJECT,
    OTHER
}
