package kz.region715.dsr.notification;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outbox message as operators see it: delivery state only, no address and no content. */
@Schema(name = "OutboxEntry")
public record OutboxEntryView(UUID id,
        @Schema(description = "The request the message belongs to; null for staff mail of no one request",
                nullable = true) UUID requestId,
        MailKind kind, String status, int attempts, Instant nextAttemptAt,
        @Schema(description = "Kind of the last delivery error; null while none failed", examples = "ConnectException",
                nullable = true) String lastError,
        Instant createdAt,
        @Schema(description = "When it was delivered; null until then", nullable = true) Instant sentAt,
        @Schema(description = "When it was given up after its last try; null unless it failed", nullable = true)
        Instant failedAt,
        @Schema(description = "Whether the content is still held (false once delivered or purged)") boolean contentHeld) {

    static OutboxEntryView of(OutboxMessage m) {
        return new OutboxEntryView(m.id, m.requestId, m.kind, m.status.name(), m.attempts, m.nextAttemptAt,
                m.lastError, m.createdAt, m.sentAt, m.failedAt, m.contentHeld());
    }
}
