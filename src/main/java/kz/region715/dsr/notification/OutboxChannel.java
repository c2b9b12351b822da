package kz.region715.dsr.notification;

/** The channels an outbox message leaves by; {@link NotificationChannel} has an adapter for each. */
public enum OutboxChannel {
    /** By e-mail; the recipient is an address. */
    EMAIL,
    /** In Telegram, from the operator's bot; the recipient is the user's private chat (its id is the user id). */
    TELEGRAM
}
