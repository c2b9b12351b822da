package kz.region715.dsr.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An e-mail waiting to be sent, written in the transaction of the change that
 * causes it. Bodies are purged once delivered; metadata stays as the record of
 * delivery.
 */
@Entity
@Table(name = "outbox_message")
class OutboxMessage {

    enum Status { PENDING, SENT, FAILED }

    @Id
    UUID id;
    @Column(name = "request_id")
    UUID requestId;
    @Enumerated(EnumType.STRING)
    MailKind kind;
    /** How it leaves: by e-mail to an address, or in Telegram to a chat ({@link #recipient} is then the chat id). */
    @Enumerated(EnumType.STRING)
    OutboxChannel channel;
    String recipient;
    String subject;
    @Column(name = "body_text")
    String bodyText;
    @Column(name = "body_html")
    String bodyHtml;
    /** The template the sender renders, with {@link #model}; null for messages queued rendered (before V10). */
    @Enumerated(EnumType.STRING)
    MailTemplate template;
    /** The template's model as JSON; purged with the bodies. */
    String model;
    @Column(name = "request_ref")
    String requestRef;
    @Column(name = "subject_pseudonym")
    String subjectPseudonym;
    @Column(name = "carries_secret")
    boolean carriesSecret;
    @Enumerated(EnumType.STRING)
    Status status;
    /** Failed tries since it was queued or requeued: {@code maxAttempts} of them make it FAILED. */
    int attempts;
    /** The Message-ID it carries on every try, so that a repeat is recognisable. */
    @Column(name = "message_id")
    String messageId;
    /** Every conversation held for it, whatever its end; never reset. */
    int tries;
    /** Tries whose data the relay may have taken without answering: each can make a repeat. */
    @Column(name = "ambiguous_tries")
    int ambiguousTries;
    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;
    @Column(name = "last_error")
    String lastError;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "sent_at")
    Instant sentAt;
    @Column(name = "failed_at")
    Instant failedAt;
    @Column(name = "body_purged_at")
    Instant bodyPurgedAt;
    @Column(name = "lease_owner")
    String leaseOwner;
    @Column(name = "lease_until")
    Instant leaseUntil;
    @Version
    long version;

    protected OutboxMessage() {
    }

    /** A message due now. */
    OutboxMessage(OutgoingMail mail, String storedModel, Instant now, String domain) {
        this(UUID.randomUUID(), mail, storedModel, now, domain);
    }

    /** A message due now, under an id the caller chose (to record it with what caused it). */
    OutboxMessage(UUID id, OutgoingMail mail, String storedModel, Instant now, String domain) {
        this.id = id;
        this.messageId = messageId(id, domain);
        if (mail.request() != null) {
            this.requestId = mail.request().id();
            this.requestRef = mail.request().reference();
            this.subjectPseudonym = mail.request().subjectKey();
        }
        this.kind = mail.kind();
        this.channel = mail.channel();
        this.recipient = mail.recipient();
        this.subject = mail.subject();
        this.template = mail.template();
        this.model = storedModel;
        this.carriesSecret = mail.carriesSecret();
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** The Message-ID of message {@code id}: its id at the sender's domain. */
    static String messageId(UUID id, String domain) {
        return "<" + id + "@" + domain + ">";
    }

    void delivered(Instant at) {
        tries++;
        status = Status.SENT;
        sentAt = at;
        lastError = null;
        release();
        purgeBody(at);
    }

    /**
     * Records a failed try cut by a step's limit before the data: the first such failure is retried at once (a new
     * conversation may well go through), later ones back off.
     */
    void attemptStalled(Instant at, String error, OutboxConfig config) {
        attemptFailed(at, error, config);
        if (status == Status.PENDING && attempts == 1) {
            nextAttemptAt = at;
        }
    }

    /** Records a failed try: back off exponentially, or give up after {@code maxAttempts}. */
    void attemptFailed(Instant at, String error, OutboxConfig config) {
        tries++;
        attempts++;
        lastError = error;
        release();
        if (attempts >= config.maxAttempts()) {
            status = Status.FAILED;
            failedAt = at;
            return;
        }
        long factor = 1L << Math.min(attempts - 1, 30);
        Duration wait = config.initialBackoff().multipliedBy(factor);
        nextAttemptAt = at.plus(wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait);
    }

    /** A try whose data went out unanswered: counted, then backed off like any failed try. */
    void answerLost(Instant at, String error, OutboxConfig config) {
        ambiguousTries++;
        attemptFailed(at, error, config);
    }

    /** The channel asked to wait (Telegram's retry_after): sent again after it, and the try is not counted. */
    void postpone(Instant at, Duration wait) {
        release();
        nextAttemptAt = at.plus(wait);
    }

    /**
     * The recipient cannot be reached by this channel, for good (a 5xx of the mail relay for the recipient or the
     * data, a bot the user blocked): FAILED at once, not retried.
     */
    void refused(Instant at, String error) {
        tries++;
        attempts++;
        lastError = error;
        release();
        status = Status.FAILED;
        failedAt = at;
    }

    void requeue(Instant at) {
        status = Status.PENDING;
        attempts = 0;
        failedAt = null;
        nextAttemptAt = at;
    }

    void purgeBody(Instant at) {
        if (contentHeld()) {
            bodyText = null;
            bodyHtml = null;
            model = null;
            bodyPurgedAt = at;
        }
    }

    /** Whether the message can still be sent: its model or its rendered bodies are held. */
    boolean contentHeld() {
        return model != null || bodyText != null || bodyHtml != null;
    }

    private void release() {
        leaseOwner = null;
        leaseUntil = null;
    }
}
