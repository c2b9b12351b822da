package kz.region715.dsr.notification;

/** Data of templates/mail/acknowledgement.{html,txt}. */
public record AcknowledgementMail(String lang, String name, String operatorName, String contactEmail,
        String reference, String typeLabel, String statusLink) implements MailModel {
}
