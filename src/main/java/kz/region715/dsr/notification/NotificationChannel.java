package kz.region715.dsr.notification;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.UUID;

/**
 * The port every outbox message leaves through: one adapter per {@link OutboxChannel} ({@link EmailChannel},
 * {@link TelegramChannel}). The sender claims, renders, bounds in time and records; an adapter only delivers and says
 * how it went, without personal data or secrets in what it says.
 */
interface NotificationChannel {

    OutboxChannel channel();

    /** Delivers one rendered message; a failure of the call itself is a {@link Delivery.Result#FAILED} try. */
    Uni<Delivery> send(Envelope message);

    /** A rendered message: {@code html} is null where the channel takes text only. */
    record Envelope(UUID id, String recipient, String subject, String text, String html) {
    }

    /**
     * How one try ended. {@code error} is a class name or a status code, never a text the far side wrote (it may
     * quote the recipient).
     */
    record Delivery(Result result, Duration retryAfter, String error) {

        enum Result {
            SENT,
            /** The channel asked to wait (Telegram's 429 with retry_after): not a failure, not counted as a try. */
            RETRY_AFTER,
            /** Failed this time; retried with backoff. */
            FAILED,
            /** The recipient refuses the channel for good (the bot is blocked): not retried. */
            UNREACHABLE
        }

        static final Delivery SENT = new Delivery(Result.SENT, null, null);

        static Delivery failed(String error) {
            return new Delivery(Result.FAILED, null, error);
        }
    }
}
