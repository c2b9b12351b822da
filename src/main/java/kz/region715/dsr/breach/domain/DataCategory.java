package kz.region715.dsr.breach.domain;

/** The categories of personal data the operator holds (privacy policy section 2). */
public enum DataCategory {
    /** 2.1 name and surname */
    NAME,
    /** 2.2 contact phone number */
    PHONE,
    /** 2.3 e-mail address */
    EMAIL,
    /** 2.4 the text of a message or appeal */
    MESSAGE,
    /** 2.5 IP address */
    IP_ADDRESS,
    /** 2.6 cookies */
    COOKIE
}
