package kz.region715.dsr.notification;

import java.util.UUID;
import kz.region715.dsr.request.RequestSnapshot;

/**
 * A message to queue: its template and model, rendered by the sender when it sends.
 *
 * @param request       the request it concerns, if any (its id, reference and subject pseudonym are kept)
 * @param carriesSecret whether the model holds a token or code (such content must never outlive delivery)
 * @param channel       how it leaves; {@code recipient} is an address for e-mail, a chat id for Telegram
 */
public record OutgoingMail(RequestSnapshot request, MailKind kind, String recipient, String subject,
        MailTemplate template, MailModel model, boolean carriesSecret, OutboxChannel channel) {

    /** An e-mail. */
    public OutgoingMail(RequestSnapshot request, MailKind kind, String recipient, String subject,
            MailTemplate template, MailModel model, boolean carriesSecret) {
        this(request, kind, recipient, subject, template, model, carriesSecret, OutboxChannel.EMAIL);
    }

    /** To the subject of {@code request}, by the channel they used: Telegram if the bot filed it, else e-mail. */
    static OutgoingMail toSubject(RequestSnapshot request, MailKind kind, String subject, MailTemplate template,
            MailModel model, boolean carriesSecret) {
        boolean telegram = request.telegramUserId() != null;
        return new OutgoingMail(request, kind, telegram ? request.telegramUserId() : request.email(), subject,
                template, model, carriesSecret, telegram ? OutboxChannel.TELEGRAM : OutboxChannel.EMAIL);
    }
}
