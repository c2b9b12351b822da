package kz.region715.dsr.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The subject's view of a request: no internal notes, no officer names. */
@Schema(name = "SubjectRequestView")
public record SubjectRequestView(
        UUID id,
        @Schema(examples = "DSR-2026-000042") String reference,
        RequestType type,
        RequestStatus status,
        @Schema(examples = "ru") String locale,
        Instant receivedAt,
        Instant verifiedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "When the operator must have acted; set once the case's deadline is known.",
                nullable = true) Instant dueAt,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "When the request was closed (completed, refused, cancelled or expired)",
                nullable = true) Instant closedAt,
        List<Event> timeline) {

    @Schema(name = "PublicTimelineEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(Instant at, TimelineEntry.Kind kind, RequestStatus status,
            @Schema(description = "The officer's question or the subject's answer") String text) {
    }

    static SubjectRequestView of(SubjectRequest request) {
        List<Event> events = request.timeline().stream()
                .filter(TimelineEntry::visibleToSubject)
                .map(e -> new Event(e.occurredAt(), e.kind(), e.toStatus(),
                        e.kind() == TimelineEntry.Kind.QUESTION || e.kind() == TimelineEntry.Kind.ANSWER ? e.note() : null))
                .toList();
        return new SubjectRequestView(request.id(), request.reference(), request.type(), request.status(),
                request.locale().tag(), request.receivedAt(), request.verifiedAt(), request.deadline().dueAt(),
                request.closedAt(), events);
    }
}
