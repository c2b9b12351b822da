package kz.region715.dsr.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A transfer of a lead's data to a third party (policy section 6), kept for access packages and erasure notices. */
@Entity
@Table(name = "lead_disclosure")
@NamedQuery(name = Disclosure.OF_LEADS,
        query = "from Disclosure d where d.leadId in :ids order by d.disclosedOn, d.recordedAt")
class Disclosure {

    /** Parsed once at boot: execution asks for the disclosures of every batch of leads it erases. */
    static final String OF_LEADS = "Disclosure.ofLeads";

    @Id
    UUID id;
    @Column(name = "lead_id")
    UUID leadId;
    String recipient;
    @Column(name = "recipient_email")
    String recipientEmail;
    String purpose;
    @Column(name = "legal_basis")
    String legalBasis;
    @Column(name = "disclosed_on")
    LocalDate disclosedOn;
    @Column(name = "recorded_at")
    Instant recordedAt;
    @Column(name = "recorded_by")
    String recordedBy;

    protected Disclosure() {
    }

    Disclosure(UUID leadId, String recipient, String recipientEmail, String purpose, String legalBasis,
            LocalDate disclosedOn, Instant recordedAt, String recordedBy) {
        this.id = UUID.randomUUID();
        this.leadId = leadId;
        this.recipient = recipient;
        this.recipientEmail = recipientEmail;
        this.purpose = purpose;
        this.legalBasis = legalBasis;
        this.disclosedOn = disclosedOn;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }
}
