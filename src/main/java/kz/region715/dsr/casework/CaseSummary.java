package kz.region715.dsr.casework;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the work queue (no personal data: open the case for that). */
@Schema(name = "CaseSummary")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseSummary(UUID id, String reference, RequestType type, RequestStatus status, String jurisdiction,
        Instant receivedAt, Instant dueAt, int workingDaysLeft, boolean overdue, String assignee,
        UUID duplicateOf) {

    @Schema(name = "CasePage")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<CaseSummary> items,
            @Schema(description = "Pass as `cursor` for the next page; null on the last page", nullable = true)
            String nextCursor) {
    }
}
