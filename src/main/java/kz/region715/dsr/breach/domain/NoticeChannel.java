package kz.region715.dsr.breach.domain;

/** How a notice was sent to the authorised body. */
public enum NoticeChannel {
    /** The authorised body's online portal or information system. */
    PORTAL,
    EMAIL,
    /** A letter, by post or delivered by hand. */
    LETTER,
    OTHER
}
