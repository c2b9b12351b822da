package kz.region715.dsr.notification;

import java.util.List;

/**
 * Data of templates/mail/case-update.{html,txt}: paragraphs, an optional quoted
 * text (an officer's question or reason, shown as written), an optional list,
 * an optional link (a button in HTML), closing paragraphs.
 */
public record CaseUpdateMail(String lang, String name, String operatorName, String contactEmail, String title,
        List<String> paragraphs, String quote, List<String> items, String linkUrl, String linkLabel,
        List<String> closing) implements MailModel {

    CaseUpdateMail(String lang, String name, String operatorName, String contactEmail, String title,
            List<String> paragraphs, String quote, List<String> closing) {
        this(lang, name, operatorName, contactEmail, title, paragraphs, quote, List.of(), null, null, closing);
    }
}
