package kz.region715.dsr.casework;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.request.RequestDetails;
import kz.region715.dsr.request.TimelineEntry;
import kz.region715.dsr.request.domain.CancellationReason;
import kz.region715.dsr.request.domain.RejectionBasis;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case as officers see it: the request, the subject, the deadline and the full timeline. */
@Schema(name = "Case")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
        UUID id,
        String reference,
        RequestType type,
        RequestStatus status,
        String channel,
        String locale,
        Instant receivedAt,
        Instant verifiedAt,
        Subject subject,
        RequestDetails details,
        DeadlineView deadline,
        String assignee,
        Duplicate duplicateOf,
        Decision decision,
        Instant closedAt,
        @Schema(description = "Also sent as the ETag header; send it back in If-Match to change the case.")
        String etag,
        List<Event> timeline) {

    @Schema(name = "CaseSubject", description = "Who filed it (absent once erased).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String email, String name, String phone,
            @Schema(description = "The Telegram user id, for a request filed through the bot (messages go to that chat)")
            String telegramUserId,
            @Schema(description = "Since when the channel the subject used refuses our messages (the bot is blocked); "
                    + "absent while they can be reached") java.time.Instant unreachableSince) {
    }

    @Schema(name = "CaseDeadline")
    public record DeadlineView(
            @Schema(examples = "KZ") String jurisdiction,
            @Schema(examples = "KZ/CORRECTION") String policy,
            @Schema(examples = "STATUTORY") String basis,
            @Schema(examples = "Law of the Republic of Kazakhstan No. 94-V, Art. 24(1)(2), 25(2)(8)") String citation,
            @Schema(description = "Last day of the term, in the operator's time zone") LocalDate lastDay,
            @Schema(description = "End of the last day") Instant dueAt,
            int workingDaysLeft,
            boolean overdue,
            int extensionsGranted,
            boolean extensionAvailable,
            @Schema(description = "Since when the case waits for the subject; null while it does not",
                    nullable = true) Instant pausedSince) {
    }

    @Schema(name = "CaseDuplicate")
    public record Duplicate(UUID id, String reference) {
    }

    @Schema(name = "CaseDecision")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String by, Instant at, RejectionBasis legalBasis, String reason,
            CancellationReason cancellation) {
    }

    @Schema(name = "CaseTimelineEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(long id, Instant at, TimelineEntry.Kind kind, String actor, boolean visibleToSubject,
            RequestStatus fromStatus, RequestStatus toStatus, String text) {
    }
}
