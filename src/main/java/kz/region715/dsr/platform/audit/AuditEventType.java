package kz.region715.dsr.platform.audit;

/**
 * Every type of event the service writes to the audit trail, one list. The stored type is the constant's
 * {@link #name()}: it is part of each event's canonical form and hash, so a constant is never renamed.
 * {@code docs/audit-trail.md} shows this list as a table (a test keeps the two the same).
 */
public enum AuditEventType {

    // A request's timeline: every entry but the e-mails', which the outbox records (request.TimelineAudit)
    FILED("a request was filed"),
    VERIFIED("the subject proved the e-mail address: the request is open"),
    EXPIRED("a request not verified in time expired"),
    STATUS_CHANGED("a request moved to another status (in review, executing)"),
    DEADLINE_SET("a case's deadline was set, with its policy and last day"),
    ASSIGNED("a case was assigned to an officer"),
    NOTE("an officer added an internal note (its length)"),
    QUESTION("an officer asked the subject a question (its length)"),
    ANSWER("the subject answered a question (its length)"),
    APPROVED("an officer approved a request"),
    REJECTED("an officer rejected a request, with the legal basis code"),
    EXTENDED("an officer extended a case's term (the reason's length)"),
    CANCELLED("an officer cancelled a case, with the reason code"),
    JURISDICTION_CHANGED("a case's jurisdiction changed and its deadline was recomputed"),
    DUPLICATE_FLAGGED("a verified request was flagged as a duplicate of an open one"),
    MATCH_CONFIRMED("an officer confirmed the subject's phone for matching leads"),
    MATCH_EXCLUDED("an officer excluded a lead from a case's matches"),
    EXECUTED("the execution of an approved request completed"),
    EXECUTION_FAILED("an execution ran out of tries: the case failed"),
    RETRIED("an officer retried a failed execution"),
    RESTRICTION_LIFTED("an officer lifted a restriction"),
    PACKAGE_DOWNLOADED("the subject downloaded the access package"),
    SUBJECT_UNREACHABLE("the channel the subject used refuses messages for good (the bot is blocked); no id"),
    REDUCED("a closed request was reduced to its pseudonymous record"),

    // Verification and the status link
    VERIFICATION_ISSUED("a verification link and code were sent (first or again)"),
    VERIFICATION_FAILED("a wrong verification link or code, with the attempts left"),
    ACCESS_LINK_REISSUED("the subject asked for the status link again"),

    // E-mail
    MAIL_QUEUED("an e-mail was written to the outbox"),
    MAIL_DELIVERED("an e-mail was handed to the SMTP server"),
    MAIL_FAILED("an e-mail finally failed after its tries"),
    MAIL_REFUSED("the mail relay refused an e-mail for good (5xx): the recipient cannot be reached; the reply code, never the address"),
    MAIL_POSTPONED("a message was held back for the time the channel asked (Telegram's retry_after), not counted as a try"),
    VERIFICATION_TELEGRAM_LOGIN("a request was verified with Telegram's Login Widget (refused data is a VERIFICATION_FAILED)"),

    // Leads
    LEAD_INGESTED("a lead was stored, with the proof of its consent"),
    DISCLOSURE_RECORDED("a disclosure of a lead to a third party was recorded (recipient as a keyed hash)"),
    LEGAL_HOLD_PLACED("a lead was placed under legal hold"),
    LEAD_CORRECTED("fields of a lead were corrected (their names)"),
    LEAD_RESTRICTED("a lead's processing was blocked"),
    LEAD_ALREADY_RESTRICTED("a restriction found a lead already blocked"),
    LEAD_UNRESTRICTED("a lead's processing was unblocked"),
    LEAD_CONSENT_WITHDRAWN("consent was withdrawn on a lead, for all or the listed purposes"),
    LEAD_ANONYMISED("a lead was anonymised, with the strategy"),
    LEAD_DELETED("a lead's row was deleted"),
    LEAD_KEPT_LEGAL_HOLD("a lead was kept from erasure by its legal hold"),
    RETENTION_RUN("a lead retention round erased leads past their term"),
    IP_ADDRESSES_CLEARED("IP addresses were cleared from old leads"),

    // Execution
    EXECUTION_QUEUED("an approval queued an execution with its plan"),
    EXECUTION_ATTEMPT_FAILED("an execution try failed or was interrupted, with the error class"),
    PACKAGE_ISSUED("an access package was issued, with its expiry"),
    PACKAGES_PURGED("expired access packages were purged"),
    RECIPIENT_NOTIFIED("a disclosure recipient was asked to erase the data too"),

    // Personal-data breaches (package breach), filed under the breach's reference (BR-…); texts by their length
    BREACH_REGISTERED("a personal-data breach was registered, with its categories, sources and authority deadline"),
    BREACH_ASSESSED("an officer recorded a breach's assessment (its length, the updated estimate)"),
    BREACH_NOT_NOTIFIABLE("an officer recorded why a breach needs no notice (the legal basis's length)"),
    BREACH_AUTHORITY_NOTICE_GENERATED("someone generated a breach's notice document for the authority: the format, the "
            + "language, the breach's status and the count of people it states"),
    BREACH_AUTHORITY_NOTIFIED("an officer recorded the notice to the authority: when, the channel, whether late"),
    BREACH_CLOSED("an officer closed a breach"),
    BREACH_NOTE("an officer added an internal note to a breach (its length)"),
    BREACH_AFFECTED_SET_FROZEN("an officer froze the set of leads a breach affected (how selected, counts of leads and people)"),
    BREACH_SUBJECTS_NOTIFIED("the people a breach affected were notified: recorded when the last round of notices is"
            + " queued, under the officer who started them (counts of people written to and not reachable, the number"
            + " of rounds, when they started)"),

    // The service's own copies and its endpoints
    REQUEST_RETENTION_RUN("closed requests past their retention were reduced"),
    ACCESS_REFUSED("a call to a protected endpoint was refused (401, 403), with its path template");

    private final String description;

    AuditEventType(String description) {
        this.description = description;
    }

    /** What the event records, in one line (no personal data). */
    public String description() {
        return description;
    }
}
