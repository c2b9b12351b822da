package kz.region715.dsr.notification;

import java.util.List;

/**
 * Data of templates/mail/breach-notice.{html,txt}: the notice to a person a breach affected (Rules of order
 * No. 481/НҚ): what happened ({@code description}, the officer's text for the subject), when it was detected,
 * which of their data ({@code categories}, named in their language), what was done and is planned, and whom to
 * write to ({@code dpoEmail}). What they can do and their right to complain are the template's words.
 */
public record BreachNoticeMail(String lang, String name, String operatorName, String contactEmail, String title,
        String reference, String detectedOn, String description, List<String> categories, String measuresTaken,
        String measuresPlanned, String dpoEmail) implements MailModel {
}
