package kz.region715.dsr.request.domain;

/** The five rights of policy section 7 (Law 94-V Art. 24). */
public enum RequestType {
    /** Know whether data is held, and receive it with purposes, sources, periods and recipients (policy 7.2). */
    ACCESS,
    /** Correct or supplement data (policy 7.3). */
    CORRECTION,
    /** Block processing for a time (policy 7.4). */
    RESTRICTION,
    /** Destroy or anonymise data (policy 7.5). */
    DELETION,
    /** Withdraw consent: processing stops (policy 7.4, 5.2). */
    WITHDRAWAL
}
