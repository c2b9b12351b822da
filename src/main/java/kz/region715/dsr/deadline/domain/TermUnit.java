package kz.region715.dsr.deadline.domain;

/** How a term is counted. */
public enum TermUnit {
    /** Days that are working days in the jurisdiction's calendar (Kazakh "рабочие дни"). */
    WORKING_DAYS,
    /** Every day counts; a term whose last day is a day off ends on the next working day. */
    CALENDAR_DAYS,
    /** The same day of the month n months later (GDPR Art. 12(3) with Regulation 1182/71). */
    MONTHS
}
