package kz.region715.dsr.breach.domain;

/** How a breach came to light. */
public enum DiscoveryMethod {
    /** Monitoring, alerts or logs of the operator's own systems. */
    MONITORING,
    /** A member of staff noticed and reported it. */
    STAFF_REPORT,
    /** A data subject complained or told the operator. */
    SUBJECT_REPORT,
    /** A processor, contractor or other third party told the operator. */
    THIRD_PARTY_REPORT,
    /** The authorised body or another state body told the operator. */
    AUTHORITY,
    /** An internal or external audit or test found it. */
    AUDIT,
    /** Publication of the data (a leak site, the press). */
    PUBLICATION,
    OTHER
}
