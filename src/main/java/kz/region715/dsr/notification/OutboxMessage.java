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
    int attempts;
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
    OutboxMessage(OutgoingMail mail, String storedModel, Instant now) {
        this(UUID.randomUUID(), mail, storedModel, now);
    }

    /** A message due now, under an id the caller chose (to record it with what caused it). */
    OutboxMessage(UUID id, OutgoingMail mail, String storedModel, Instant now) {
        this.id = id;
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

    void delivered(Instant at) {
        status = Status.SENT;
        sentAt = at;
        lastError = null;
        release();
        purgeBody(at);
    }

    /** Records a failed try: back off exponentially, or give up after {@code maxAttempts}. */
    void attemptFailed(Instant at, String error, OutboxConfig config) {
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

    /** The channel asked to wait (Telegram's retry_after): sent again after it, and the try is not counted. */
    void postpone(Instant at, Duration wait) {
        release();
        nextAttemptAt = at.plus(wait);
    }

    /** The recipient refuses the channel for good (the bot is blocked): failed at once, not tried again. */
    void unreachable(Instant at, String error) {
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
