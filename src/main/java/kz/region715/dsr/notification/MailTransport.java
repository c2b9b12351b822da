package kz.region715.dsr.notification;

import java.time.Duration;
import java.util.UUID;

/**
 * Hands one composed e-mail to the mail relay. The outbox's claims, leases and backoff stay in
 * {@link OutboxSender}; a transport only holds one conversation and says how it ended. {@link #send} blocks (call it
 * on a thread of its own) and is bounded in time by the transport's own limits.
 */
public interface MailTransport {

    /**
     * Sends {@code mail} once, in a conversation place taken by {@link #reserve} (the transport frees it when the
     * place is no longer needed). Never throws: every ending is an {@link Outcome}.
     */
    Outcome send(Envelope mail);

    /**
     * Takes up to {@code wanted} conversation places free now, without waiting; the sender claims no more messages
     * than it got. Each place is used by one {@link #send} or handed back with {@link #giveBack}.
     */
    int reserve(int wanted);

    /** Hands back places reserved and not used. */
    void giveBack(int places);

    /**
     * One e-mail as sent: {@code messageId} is the message's own {@code Message-ID}, the same on every try, so that
     * a receiver can tell a repeat from a new mail.
     */
    record Envelope(UUID id, String messageId, String to, String subject, String text, String html) {
    }

    /** How a conversation ended. */
    enum Result {
        /** The relay accepted the message (250 after the data). */
        SENT,
        /** Not delivered, nothing accepted: refused for now (4xx), unreachable, or a limit passed before the data. */
        RETRY,
        /** The relay refused the recipient or the message for good (5xx): retrying cannot help. */
        PERMANENT_FAILURE,
        /**
         * The data was sent but the relay never answered it (the final reply's limit passed or the connection
         * dropped): it may have accepted the message. A further try may repeat it, under the same Message-ID.
         */
        AMBIGUOUS,
        /** Not started (shutting down, or no free conversation): no try to count. */
        NOT_TRIED,
        /** The channel asked to wait ({@code retryAfter}; Telegram's 429): not a failure, not counted as a try. */
        POSTPONED
    }

    /**
     * @param error   what went wrong, without personal data: an exception's class, or an SMTP reply code and the
     *                step it answered (the relay's text can quote the address, so it is never kept); null when sent
     * @param stalled whether a step's limit cut the conversation before the data (the relay stalled): nothing was
     *                sent, and a new conversation may well go through, so the first such try is retried at once
     * @param retryAfter how long the channel asked to wait ({@link Result#POSTPONED} only)
     */
    record Outcome(Result result, String error, boolean stalled, Duration retryAfter) {

        static final Outcome SENT = new Outcome(Result.SENT, null);
        static final Outcome NOT_TRIED = new Outcome(Result.NOT_TRIED, null);

        Outcome(Result result, String error) {
            this(result, error, false);
        }

        Outcome(Result result, String error, boolean stalled) {
            this(result, error, stalled, null);
        }

        static Outcome postponed(Duration wait, String error) {
            return new Outcome(Result.POSTPONED, error, false, wait);
        }
    }
}
