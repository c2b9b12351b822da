package kz.region715.dsr.lead;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.request.domain.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead as officers see it, with the flags that govern its processing. */
@Schema(name = "LeadView")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadView(UUID id, DataSource source, String name, String phone, String email, String message,
        String ipAddress, String cookieId, String telegramUserId, ConsentView consent, Instant receivedAt,
        Instant retentionUntil, Flags flags, List<DisclosureView> disclosures,
        @Schema(description = "The person's language, if known (omitted when not)", enumeration = {"ru", "kk", "en"})
        String locale) {

    @Schema(name = "LeadConsentView")
    public record ConsentView(Instant at, String policyVersion, List<String> purposes) {
    }

    /** Why ordinary processing may not use the lead; all null/false for a processable lead. */
    @Schema(name = "LeadFlags")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Flags(boolean processable, Instant restrictedAt, String restrictionReason,
            Instant consentWithdrawnAt, String legalHoldReason, Instant legalHoldUntil, Instant anonymisedAt) {
    }

    @Schema(name = "Disclosure")
    public record DisclosureView(UUID id, String recipient,
            @Schema(description = "Where erasure notices go; null when none was given", nullable = true)
            String recipientEmail,
            String purpose, String legalBasis, LocalDate disclosedOn, Instant recordedAt, String recordedBy) {

        static DisclosureView of(Disclosure d) {
            return new DisclosureView(d.id, d.recipient, d.recipientEmail, d.purpose, d.legalBasis, d.disclosedOn,
                    d.recordedAt, d.recordedBy);
        }
    }

    static LeadView of(Lead lead, List<Disclosure> disclosures) {
        ConsentView consent = lead.consentAt() == null ? null : new ConsentView(lead.consentAt(),
                lead.consentPolicyVersion(), List.of(lead.consentPurposes().split(",")));
        Flags flags = new Flags(lead.isProcessable(), lead.restrictedAt(), lead.restrictionReason(),
                lead.consentWithdrawnAt(), lead.legalHoldReason(), lead.legalHoldUntil(), lead.anonymisedAt());
        return new LeadView(lead.id(), lead.source(), lead.name(), lead.phone(), lead.email(), lead.message(),
                lead.ipAddress(), lead.cookieId(), lead.telegramUserId(), consent, lead.receivedAt(),
                lead.retentionUntil(), flags, disclosures == null ? null
                        : disclosures.stream().map(DisclosureView::of).toList(), lead.locale());
    }

    @Schema(name = "LeadPage")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<LeadView> items,
            @Schema(description = "Pass as `cursor` for the next page; null on the last page", nullable = true)
            String nextCursor) {
    }

    @Schema(name = "IngestedLead")
    public record Ingested(UUID id, @Schema(description = "Stored blocked: the subject's processing is restricted")
            boolean restricted) {
    }
}
