package kz.region715.dsr.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.request.domain.DataSource;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an execution did, without personal data: leads per outcome, the fields
 * corrected, the leads kept under legal hold and why, the recipients told of
 * an erasure.
 */
@Schema(name = "ExecutionSummary")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExecutionSummary(RequestType type, int leadsHandled, Map<String, Long> outcomes,
        List<String> correctedFields, List<Kept> keptUnderLegalHold, List<String> recipientsNotified) {

    /** A lead the erasure left alone because the law requires keeping it. */
    @Schema(name = "KeptLead")
    public record Kept(DataSource source, Instant receivedAt, String reason) {
    }

    /** One line for the case timeline. */
    String note() {
        StringBuilder note = new StringBuilder(type.name()).append(": ").append(leadsHandled).append(" lead(s)");
        outcomes.forEach((outcome, count) -> note.append(", ").append(outcome).append(' ').append(count));
        if (!correctedFields.isEmpty()) {
            note.append("; fields ").append(String.join(",", correctedFields));
        }
        if (!recipientsNotified.isEmpty()) {
            note.append("; recipients notified ").append(recipientsNotified.size());
        }
        return note.toString();
    }
}
