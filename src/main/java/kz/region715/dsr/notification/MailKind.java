package kz.region715.dsr.notification;

/** The e-mails the service sends. */
public enum MailKind {
    /** Link and code to prove the e-mail address. */
    VERIFICATION,
    /** Receipt of a verified request, with its reference and status link. */
    ACKNOWLEDGEMENT,
    /** An officer's question to the subject. */
    QUESTION,
    /** A refusal, with its legal basis and the right to appeal. */
    REJECTION,
    /** A longer term, and why. */
    EXTENSION,
    /** The request was closed without a decision on the merits. */
    CANCELLATION,
    /** To officers: cases due soon or overdue. */
    DEADLINE_DIGEST,
    /** To the data-protection officer: overdue cases. */
    ESCALATION,
    /** The request is carried out; for ACCESS with the download link. */
    COMPLETION,
    /** A restriction of the subject's data was lifted. */
    RESTRICTION_LIFTED,
    /** To officers: carrying out a request failed after all tries. */
    EXECUTION_FAILED,
    /** To a recipient of disclosed data: the data was erased; erase it too. */
    ERASURE_NOTICE,
    /** To the data-protection officer: a breach's notice to the authority is due soon or overdue. */
    BREACH_DEADLINE,
    /** To a person a breach affected: what happened, which of their data, what was done and what they can do. */
    BREACH_SUBJECT_NOTICE
}
