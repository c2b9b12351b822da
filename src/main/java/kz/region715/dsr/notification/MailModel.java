package kz.region715.dsr.notification;

/** What every subject e-mail shows: the greeting, the signature and the footer. */
public interface MailModel {
    String lang();

    String name();

    String operatorName();

    String contactEmail();
}
