package kz.region715.dsr.notification;

import java.util.List;

/**
 * Data of templates/mail/case-update.{html,txt}: paragraphs, an optional quoted
 * text (an officer's question or reason, shown as written), closing paragraphs.
 */
public record CaseUpdateMail(String lang, String name, String operatorName, String contactEmail, String title,
        List<String> paragraphs, String quote, List<String> closing) implements MailModel {
}
