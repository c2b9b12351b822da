package kz.region715.dsr.request.domain;

/** Legal grounds for refusing a request; the subject's e-mail states the ground and the right to appeal. */
public enum RejectionBasis {
    /** The operator holds no personal data of the subject. */
    NO_DATA_HELD,
    /** The requester could not be shown to be the data subject. */
    IDENTITY_NOT_PROVEN,
    /** The data must be kept by law (Law 94-V Art. 18; policy 7.5). */
    RETENTION_REQUIRED_BY_LAW,
    /** Processing continues on a legal ground other than consent (Law 94-V Art. 9; policy 4.3, 7.4). */
    OTHER_LEGAL_GROUND,
    /** Blocking would contradict the law or the performance of a contract (policy 7.4). */
    CONTRACT_PERFORMANCE,
    /** The request is manifestly unfounded or repeats one already answered. */
    UNFOUNDED_OR_REPEATED
}
