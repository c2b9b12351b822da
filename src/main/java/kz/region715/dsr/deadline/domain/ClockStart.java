package kz.region715.dsr.deadline.domain;

/** The event that starts a deadline's clock. */
public enum ClockStart {
    /** The request arrived. */
    RECEIPT,
    /** The subject's identity was confirmed. */
    VERIFICATION
}
