package kz.region715.dsr.notification;

import java.util.UUID;

/**
 * A rendered e-mail to queue.
 *
 * @param requestId     the request it concerns, if any
 * @param carriesSecret whether the body holds a token or code (such bodies must never outlive delivery)
 */
public record OutgoingMail(UUID requestId, MailKind kind, String recipient, String subject, String text,
        String html, boolean carriesSecret) {
}
