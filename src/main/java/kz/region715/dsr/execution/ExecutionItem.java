package kz.region715.dsr.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import kz.region715.dsr.request.domain.DataSource;

/**
 * What an execution did to one lead, written in the same transaction as the
 * change: a rerun skips leads that have an item, so nothing is done twice and
 * nothing is missed. No personal data: the detail holds field names, purposes
 * or a legal-hold reason, never values.
 */
@Entity
@Table(name = "execution_item")
@IdClass(ExecutionItem.Key.class)
class ExecutionItem {

    enum Outcome { CORRECTED, RESTRICTED, ALREADY_RESTRICTED, CONSENT_NARROWED, ANONYMISED, DELETED, KEPT_LEGAL_HOLD }

    @Id
    @Column(name = "execution_id")
    UUID executionId;
    @Id
    @Column(name = "lead_id")
    UUID leadId;
    @Enumerated(EnumType.STRING)
    Outcome outcome;
    @Enumerated(EnumType.STRING)
    DataSource source;
    @Column(name = "received_at")
    Instant receivedAt;
    String detail;
    @Column(name = "done_at")
    Instant doneAt;

    protected ExecutionItem() {
    }

    ExecutionItem(UUID executionId, UUID leadId, Outcome outcome, DataSource source, Instant receivedAt, String detail,
            Instant doneAt) {
        this.executionId = executionId;
        this.leadId = leadId;
        this.outcome = outcome;
        this.source = source;
        this.receivedAt = receivedAt;
        this.detail = detail;
        this.doneAt = doneAt;
    }

    record Key(UUID executionId, UUID leadId) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
