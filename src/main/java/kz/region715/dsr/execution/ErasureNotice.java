package kz.region715.dsr.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A disclosure of an erased lead whose recipient is to be told: written with
 * the erasure, queued as one e-mail per recipient when the execution
 * finishes. The identifiers the recipient needs to find the data are held
 * only until then.
 */
@Entity
@Table(name = "erasure_notice")
@IdClass(ErasureNotice.Key.class)
class ErasureNotice {

    @Id
    @Column(name = "execution_id")
    UUID executionId;
    @Id
    @Column(name = "disclosure_id")
    UUID disclosureId;
    String recipient;
    @Column(name = "recipient_email")
    String recipientEmail;
    @Column(name = "disclosed_on")
    LocalDate disclosedOn;
    String purpose;
    @Column(name = "subject_name")
    String subjectName;
    @Column(name = "subject_email")
    String subjectEmail;
    @Column(name = "subject_phone")
    String subjectPhone;
    @Column(name = "recorded_at")
    Instant recordedAt;
    @Column(name = "queued_at")
    Instant queuedAt;

    protected ErasureNotice() {
    }

    ErasureNotice(UUID executionId, UUID disclosureId, String recipient, String recipientEmail, LocalDate disclosedOn,
            String purpose, String subjectName, String subjectEmail, String subjectPhone, Instant recordedAt) {
        this.executionId = executionId;
        this.disclosureId = disclosureId;
        this.recipient = recipient;
        this.recipientEmail = recipientEmail;
        this.disclosedOn = disclosedOn;
        this.purpose = purpose;
        this.subjectName = subjectName;
        this.subjectEmail = subjectEmail;
        this.subjectPhone = subjectPhone;
        this.recordedAt = recordedAt;
    }

    /** The notice is in the outbox: the identifiers are no longer needed here. */
    void queued(Instant at) {
        queuedAt = at;
        subjectName = null;
        subjectEmail = null;
        subjectPhone = null;
    }

    record Key(UUID executionId, UUID disclosureId) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
