package kz.region715.dsr.notification;

/** Data of templates/mail/verification.{html,txt}. */
public record VerificationMail(String lang, String name, String operatorName, String contactEmail, String reference,
        String typeLabel, String link, String code, String linkExpires, long codeMinutes) implements MailModel {
}
