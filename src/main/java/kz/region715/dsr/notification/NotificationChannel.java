package kz.region715.dsr.notification;

import kz.region715.dsr.notification.MailTransport.Envelope;
import kz.region715.dsr.notification.MailTransport.Outcome;

/**
 * The port every outbox message leaves through: one adapter per {@link OutboxChannel} ({@link EmailChannel},
 * {@link TelegramChannel}). The sender claims, renders and records; an adapter only delivers, bounded in time, and
 * says how it went ({@link Outcome}), without personal data or secrets in what it says. {@link #send} blocks: the
 * sender calls it on a thread of its own.
 */
interface NotificationChannel {

    OutboxChannel channel();

    /** Delivers one rendered message once. Never throws: every ending is an {@link Outcome}. */
    Outcome send(Envelope message);
}
