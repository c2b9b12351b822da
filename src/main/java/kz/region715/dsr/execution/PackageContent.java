package kz.region715.dsr.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.request.domain.DataSource;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An access package (policy 7.2; Law 94-V Art. 24(1)(1)): every lead of the
 * subject with its consent, storage period, flags and disclosures; the
 * purposes of processing, the sources, the storage periods and the third
 * parties; the subject's requests to the service; and the breaches that involved their data. Labels are in the
 * subject's language; codes stay as they are for machines.
 */
@Schema(name = "AccessPackage")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageContent(String reference, String language, Instant generatedAt, Operator operator,
        String subjectEmail, List<LeadData> leads, List<Purpose> purposes, List<Source> sources,
        List<StoragePeriod> storagePeriods, List<Recipient> thirdParties, List<OwnRequest> requests,
        @Schema(description = "Breaches of the security of personal data that involved the subject's data (absent "
                + "in packages issued before breaches were reported)") List<Breach> breaches) {

    public record Operator(String name, String contactEmail, String privacyPolicy) {
    }

    @Schema(name = "AccessPackageLead")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LeadData(UUID id, DataSource source, String sourceLabel, Instant receivedAt, String name,
            String phone, String email, String message, String ipAddress, String cookieId, String telegramUserId,
            Consent consent, Instant storedUntil, List<String> processing, List<Recipient> disclosures) {
    }

    public record Consent(Instant at, String policyVersion, List<String> purposes) {
    }

    public record Purpose(String code, String clause, String description, boolean consented) {
    }

    public record Source(DataSource code, String label, long leads) {
    }

    public record StoragePeriod(String data, String period) {
    }

    public record Recipient(String recipient, String purpose, String legalBasis, LocalDate disclosedOn) {
    }

    public record OwnRequest(String reference, RequestType type, RequestStatus status, Instant receivedAt,
            @Schema(description = "When the request was closed; null while it is open", nullable = true)
            Instant closedAt) {
    }

    /**
     * A breach that involved the subject's data: its reference, when it was detected, which of their data (codes
     * and labels), what happened and what was done, and when the subject was notified.
     */
    @Schema(name = "AccessPackageBreach")
    public record Breach(String reference, Instant detectedAt, List<String> categoryCodes, List<String> categories,
            String description,
            @Schema(description = "What was done; null when not recorded", nullable = true) String measuresTaken,
            @Schema(description = "When the subject was notified; null when not (yet)", nullable = true)
            Instant notifiedAt) {
    }
}
