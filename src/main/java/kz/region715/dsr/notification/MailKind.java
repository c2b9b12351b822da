package kz.region715.dsr.notification;

/** The e-mails the service sends. */
public enum MailKind {
    /** Link and code to prove the e-mail address. */
    VERIFICATION,
    /** Receipt of a verified request, with its reference and status link. */
    ACKNOWLEDGEMENT
}
