package kz.region715.dsr.casework;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.lead.LeadView;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data found for a case's subject: leads (with why they matched) and the service's own records. */
@Schema(name = "CaseMatches")
public record MatchesView(List<Match> leads, ServiceRecords serviceRecords) {

    @Schema(name = "CaseMatch")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Match(
            @Schema(description = "EMAIL (the verified address), TELEGRAM (the verified Telegram account) and/or PHONE") List<String> matchedBy,
            @Schema(description = "Counts as the subject's data: matched by e-mail or Telegram account, or by a phone an officer confirmed; and not excluded")
            boolean included,
            @Schema(description = "Matched only by a phone no officer has confirmed yet") boolean needsConfirmation,
            Exclusion exclusion,
            LeadView lead) {
    }

    @Schema(name = "CaseMatchExclusion")
    public record Exclusion(String by, Instant at, String reason) {
    }

    @Schema(name = "ServiceRecords", description = "What the service itself holds about the subject.")
    public record ServiceRecords(List<OwnRequest> requests, List<OwnMail> emails) {
    }

    @Schema(name = "ServiceRecordRequest")
    public record OwnRequest(UUID id, String reference, RequestType type, RequestStatus status, Instant receivedAt) {
    }

    @Schema(name = "ServiceRecordMail")
    public record OwnMail(UUID requestId, String kind, String status, Instant createdAt) {
    }
}
