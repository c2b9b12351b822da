package kz.region715.dsr.notification;

import java.util.UUID;
import kz.region715.dsr.request.RequestSnapshot;

/**
 * An e-mail to queue: its template and model, rendered by the sender when it sends.
 *
 * @param request       the request it concerns, if any (its id, reference and subject pseudonym are kept)
 * @param carriesSecret whether the model holds a token or code (such content must never outlive delivery)
 */
public record OutgoingMail(RequestSnapshot request, MailKind kind, String recipient, String subject,
        MailTemplate template, MailModel model, boolean carriesSecret) {
}
