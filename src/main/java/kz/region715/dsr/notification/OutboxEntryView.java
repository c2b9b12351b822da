package kz.region715.dsr.notification;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outbox message as operators see it: delivery state only, no address and no content. */
@Schema(name = "OutboxEntry")
public record OutboxEntryView(UUID id,
        @Schema(description = "The request the message belongs to; null for staff mail of no one request",
                nullable = true) UUID requestId,
        MailKind kind, String status,
        @Schema(description = "Failed tries since it was queued or requeued") int attempts,
        @Schema(description = "The Message-ID it carries on every try: a repeat has the same one",
                examples = "<0d9b1e52-5c37-4f0e-9a40-3c1f4b6f7a21@region715.kz>", nullable = true) String messageId,
        @Schema(description = "Every SMTP conversation held for it, whatever its end") int tries,
        @Schema(description = "Tries whose data the relay may have taken without answering: each can have made a repeat")
        int ambiguousTries,
        Instant nextAttemptAt,
        @Schema(description = "Kind of the last delivery error: an exception's class or an SMTP reply code and the step"
                + " it answered, never the relay's text; null while none failed", examples = "SMTP 550 at RCPT TO",
                nullable = true) String lastError,
        Instant createdAt,
        @Schema(description = "When it was delivered; null until then", nullable = true) Instant sentAt,
        @Schema(description = "When it was given up after its last try; null unless it failed", nullable = true)
        Instant failedAt,
        @Schema(description = "Whether the content is still held (false once delivered or purged)") boolean contentHeld) {

    static OutboxEntryView of(OutboxMessage m) {
        return new OutboxEntryView(m.id, m.requestId, m.kind, m.status.name(), m.attempts, m.messageId, m.tries,
                m.ambiguousTries, m.nextAttemptAt,
                m.lastError, m.createdAt, m.sentAt, m.failedAt, m.contentHeld());
    }
}
